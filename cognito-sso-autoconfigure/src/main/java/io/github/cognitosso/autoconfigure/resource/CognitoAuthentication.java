package io.github.cognitosso.autoconfigure.resource;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.github.cognitosso.autoconfigure.CognitoProperties.ResourceServer.TokenUse;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of an API, as a Cognito token describes it: who (user or machine), which groups and scopes, which app
 * client, which kind of token.
 * <p>
 * It is a {@link JwtAuthenticationToken}, so everything Spring documents keeps working ({@code @AuthenticationPrincipal
 * Jwt jwt}, {@code hasAuthority(...)}); Spring MVC also injects it into a controller method parameter of this type,
 * and SpEL sees its properties:
 *
 * <pre class="code">
 * &#64;GetMapping("/me")
 * Map&lt;String, Object&gt; me(CognitoAuthentication caller) {
 *     return Map.of("name", caller.getName(), "groups", caller.getGroups(), "machine", caller.isMachine());
 * }
 *
 * &#64;PreAuthorize("!authentication.machine")
 * </pre>
 */
public class CognitoAuthentication extends JwtAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final List<String> groups;

	private final List<String> scopes;

	private final String clientId;

	private final TokenUse tokenUse;

	/**
	 * Use {@link CognitoJwtAuthenticationConverter}, which reads these values from the token.
	 * @param jwt the validated token
	 * @param authorities the caller's authorities
	 * @param name the principal name
	 * @param username the user's name, or {@code null} for a machine
	 * @param groups the Cognito groups
	 * @param scopes the scopes
	 * @param clientId the app client the token was issued to, if known
	 * @param tokenUse the kind of token
	 */
	public CognitoAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
			String username, List<String> groups, List<String> scopes, String clientId, TokenUse tokenUse) {
		super(jwt, authorities, name);
		this.username = username;
		this.groups = List.copyOf(groups);
		this.scopes = List.copyOf(scopes);
		this.clientId = clientId;
		this.tokenUse = tokenUse;
	}

	/**
	 * @return the user's name ({@code username} in an access token, {@code cognito:username} in an ID token); empty
	 * for a machine. With email sign-in Cognito's username can itself be a UUID.
	 */
	public Optional<String> getUsername() {
		return Optional.ofNullable(this.username);
	}

	/**
	 * @return the caller's Cognito groups as the token names them (before any authority prefix or case mapping)
	 */
	public List<String> getGroups() {
		return this.groups;
	}

	/**
	 * @return the token's scopes (access tokens only; ID tokens carry none)
	 */
	public List<String> getScopes() {
		return this.scopes;
	}

	/**
	 * @return the app client the token was issued to ({@code client_id} of an access token, {@code aud} of an ID
	 * token)
	 */
	public Optional<String> getClientId() {
		return Optional.ofNullable(this.clientId);
	}

	/**
	 * @return the kind of token
	 */
	public TokenUse getTokenUse() {
		return this.tokenUse;
	}

	/**
	 * @return whether the caller is a machine: an access token from the client credentials grant, whose {@code sub}
	 * is the client id and which names no user
	 */
	public boolean isMachine() {
		return this.tokenUse == TokenUse.ACCESS && this.username == null && this.clientId != null
				&& this.clientId.equals(getToken().getSubject());
	}

}
