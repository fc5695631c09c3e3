package io.github.cognitosso.autoconfigure.core;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer-token caller: a {@link JwtAuthenticationToken} (so
 * {@code @AuthenticationPrincipal Jwt} keeps working) that is a
 * {@link CognitoAuthentication} too. Built by {@link CognitoJwtAuthenticationConverter}.
 */
final class CognitoBearerAuthentication extends JwtAuthenticationToken implements CognitoAuthentication {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final List<String> groups;

	private final List<String> scopes;

	private final String clientId;

	private final TokenUse tokenUse;

	CognitoBearerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
			String username, List<String> groups, List<String> scopes, String clientId, TokenUse tokenUse) {
		super(jwt, authorities, name);
		this.username = username;
		this.groups = List.copyOf(groups);
		this.scopes = List.copyOf(scopes);
		this.clientId = clientId;
		this.tokenUse = tokenUse;
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
		return this.tokenUse;
	}

	@Override
	public boolean isMachine() {
		return isMachine(this.tokenUse, this.username, this.clientId, getToken().getSubject());
	}

	/**
	 * A client-credentials token: an access token that names no user and whose
	 * {@code sub} is its client id.
	 */
	static boolean isMachine(TokenUse tokenUse, String username, String clientId, String subject) {
		return tokenUse == TokenUse.ACCESS && username == null && clientId != null && clientId.equals(subject);
	}

	@Override
	public Map<String, Object> getClaims() {
		return getToken().getClaims();
	}

}
