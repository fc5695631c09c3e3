package io.github.cognitosso.autoconfigure.core;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A user signed in through the browser: an {@link OAuth2AuthenticationToken} (so
 * {@code @AuthenticationPrincipal
 * OidcUser} keeps working) that is a {@link CognitoAuthentication} too, read from the
 * sign-in's ID token, so an application asks for the same type as for bearer-token
 * callers.
 * <p>
 * {@link #toString()} names no user attribute: Spring's default would print the whole
 * {@link OidcUser} (email, nonce) into any log line or exception message that mentions
 * the authentication.
 */
public final class CognitoLoginAuthentication extends OAuth2AuthenticationToken implements CognitoAuthentication {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final List<String> groups;

	private final List<String> scopes;

	private final String clientId;

	private final Instant signedInAt;

	private CognitoLoginAuthentication(OAuth2User principal, Collection<? extends GrantedAuthority> authorities,
			String registrationId, String username, List<String> groups, List<String> scopes, String clientId,
			Instant signedInAt) {
		super(principal, authorities, registrationId);
		this.username = username;
		// Unmodifiable views of copies, not List.copyOf: a JSON session store (Spring
		// Security's Jackson modules) can read those back.
		this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
		this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
		this.clientId = clientId;
		this.signedInAt = signedInAt;
	}

	/**
	 * @param principal the signed-in user
	 * @param authorities the user's authorities
	 * @param registrationId the client registration the user signed in with
	 * @param clientId the app client of that registration
	 * @param grantedScopes the scopes granted to the user's access token
	 * @param mapper reads the groups the way authorities are mapped
	 * @param signedInAt when the user signed in to the application (kept through token
	 * refreshes)
	 * @return the authentication
	 */
	public static CognitoLoginAuthentication of(OAuth2User principal,
			Collection<? extends GrantedAuthority> authorities, String registrationId, String clientId,
			Set<String> grantedScopes, CognitoAuthoritiesMapper mapper, Instant signedInAt) {
		Map<String, Object> claims = principal.getAttributes();
		// The ID token names the user cognito:username, userInfo (when only its
		// attributes are at hand) username.
		Object username = claims.get("cognito:username");
		if (!(username instanceof String)) {
			username = claims.get("username");
		}
		return new CognitoLoginAuthentication(principal, authorities, registrationId,
				(username instanceof String name) ? name : null, mapper.groups(claims), List.copyOf(grantedScopes),
				clientId, signedInAt);
	}

	/**
	 * @return when the user signed in to the application; a token refresh keeps it, so it
	 * bounds the session's absolute lifetime
	 */
	public Instant getSignedInAt() {
		return this.signedInAt;
	}

	@Override
	public Optional<String> getUsername() {
		return Optional.ofNullable(this.username);
	}

	@Override
	public List<String> getGroups() {
		return this.groups;
	}

	@Override
	public List<String> getScopes() {
		return this.scopes;
	}

	@Override
	public Optional<String> getClientId() {
		return Optional.ofNullable(this.clientId);
	}

	@Override
	public TokenUse getTokenUse() {
		return TokenUse.ID;
	}

	@Override
	public boolean isMachine() {
		return false;
	}

	@Override
	public Map<String, Object> getClaims() {
		return (getPrincipal() instanceof OidcUser user) ? user.getClaims() : getPrincipal().getAttributes();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " [registration=" + getAuthorizedClientRegistrationId() + ", authorities="
				+ getAuthorities() + "]";
	}

}
