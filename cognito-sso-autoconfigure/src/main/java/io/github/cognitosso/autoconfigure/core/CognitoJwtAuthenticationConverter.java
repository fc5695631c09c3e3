package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.Assert;

/**
 * Turns a validated Cognito token into a {@link CognitoAuthentication} (which is a
 * {@code JwtAuthenticationToken} too): groups and scopes become authorities through the
 * shared {@link CognitoAuthoritiesMapper} ({@code ROLE_<group>}, {@code SCOPE_<scope>} by
 * default). A user's principal name is the first present of the configured claims
 * ({@code username}, {@code cognito:username}, {@code sub}); a machine's (client
 * credentials: {@code sub} = {@code client_id}, no {@code username}) is
 * {@code client:<client_id>}. Cognito lets a self-registering user pick a client id as
 * username, so without the prefix such a user and the machine would have the same
 * {@code getName()}; a user token whose name starts with the prefix is refused, so the
 * prefix always means a machine.
 * <p>
 * A groups or scope claim of the wrong JSON type is answered 401
 * ({@link InvalidBearerTokenException}): Cognito never writes one, and an unchecked
 * exception here would be a 500.
 */
public final class CognitoJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final String[] principalClaims;

	/**
	 * @param authoritiesMapper the group and scope mapping
	 * @param principalClaims the claims that name the caller, the first present wins
	 */
	public CognitoJwtAuthenticationConverter(CognitoAuthoritiesMapper authoritiesMapper, List<String> principalClaims) {
		Assert.notNull(authoritiesMapper, "authoritiesMapper must not be null");
		Assert.notEmpty(principalClaims, "principalClaims must not be empty");
		this.authoritiesMapper = authoritiesMapper;
		this.principalClaims = principalClaims.toArray(String[]::new);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Map<String, Object> claims = jwt.getClaims();
		Collection<GrantedAuthority> authorities;
		List<String> groups;
		List<String> scopes;
		try {
			groups = this.authoritiesMapper.groups(claims);
			scopes = this.authoritiesMapper.scopes(claims);
			authorities = this.authoritiesMapper.authorities(claims);
		}
		catch (IllegalArgumentException ex) {
			// The mapper's messages name the claim and the expected type, never the
			// value.
			throw new InvalidBearerTokenException("Malformed: " + ex.getMessage(), ex);
		}
		TokenUse tokenUse = "id".equals(claims.get("token_use")) ? TokenUse.ID : TokenUse.ACCESS;
		String username = ValidationFailures.string(claims,
				(tokenUse == TokenUse.ID) ? "cognito:username" : "username");
		String clientId = (tokenUse == TokenUse.ID) ? firstAudience(jwt)
				: ValidationFailures.string(claims, "client_id");
		String name = CognitoBearerAuthentication.isMachine(tokenUse, username, clientId, jwt.getSubject())
				? CognitoAuthentication.MACHINE_NAME_PREFIX + clientId : userName(claims);
		return new CognitoBearerAuthentication(jwt, authorities, name, username, groups, scopes, clientId, tokenUse);
	}

	private String userName(Map<String, Object> claims) {
		String name = principalName(claims);
		if (name.startsWith(CognitoAuthentication.MACHINE_NAME_PREFIX)) {
			throw new InvalidBearerTokenException("Malformed: a user's name may not start with "
					+ CognitoAuthentication.MACHINE_NAME_PREFIX + " (reserved for machine callers)");
		}
		return name;
	}

	private String principalName(Map<String, Object> claims) {
		for (String claim : this.principalClaims) {
			Object value = claims.get(claim);
			if (value instanceof String name && !name.isEmpty()) {
				return name;
			}
		}
		throw new InvalidBearerTokenException("Malformed: the token has none of the claims that name the caller ("
				+ String.join(", ", this.principalClaims) + ")");
	}

	private static String firstAudience(Jwt jwt) {
		List<String> audience = jwt.getAudience();
		return (audience != null && !audience.isEmpty()) ? audience.get(0) : null;
	}

}
