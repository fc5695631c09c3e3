package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/** The most distinct groups-and-scope values whose mapping is kept. */
	private static final int MAPPED_LIMIT = 256;

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final String[] principalClaims;

	private final Map<ClaimValues, Mapped> mappings = new ConcurrentHashMap<>();

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
		Mapped mapped = map(claims);
		List<String> groups = mapped.groups();
		List<String> scopes = mapped.scopes();
		Collection<GrantedAuthority> authorities = mapped.authorities();
		TokenUse tokenUse = "id".equals(claims.get("token_use")) ? TokenUse.ID : TokenUse.ACCESS;
		String username = ValidationFailures.string(claims,
				(tokenUse == TokenUse.ID) ? "cognito:username" : "username");
		String clientId = (tokenUse == TokenUse.ID) ? firstAudience(jwt)
				: ValidationFailures.string(claims, "client_id");
		String name = CognitoBearerAuthentication.isMachine(tokenUse, username, clientId, jwt.getSubject())
				? CognitoAuthentication.MACHINE_NAME_PREFIX + clientId : userName(claims);
		return new CognitoBearerAuthentication(jwt, authorities, name, username, groups, scopes, clientId, tokenUse);
	}

	/**
	 * The groups, scopes and authorities of the token's groups and scope claims. Every
	 * request of a caller carries the same two values, and a pool has few distinct ones,
	 * so the mapping is kept by value (immutable copies of the values as keys: a list
	 * changed afterwards can never find a stale answer), at most {@value #MAPPED_LIMIT}.
	 */
	private Mapped map(Map<String, Object> claims) {
		Object groups = claims.get(this.authoritiesMapper.groupsClaim());
		Object scope = claims.get("scope");
		boolean keyable = (groups == null || groups instanceof List) && (scope == null || scope instanceof String);
		if (keyable) {
			Mapped known = this.mappings.get(new ClaimValues(groups, scope));
			if (known != null) {
				return known;
			}
		}
		Mapped mapped;
		try {
			List<String> groupNames = List.copyOf(this.authoritiesMapper.groups(claims));
			List<String> scopeNames = List.copyOf(this.authoritiesMapper.scopes(claims));
			mapped = new Mapped(groupNames, scopeNames, this.authoritiesMapper.authorities(groupNames, scopeNames));
		}
		catch (IllegalArgumentException ex) {
			// The mapper's messages name the claim and the expected type, never the
			// value.
			throw new InvalidBearerTokenException("Malformed: " + ex.getMessage(), ex);
		}
		if (keyable) {
			if (this.mappings.size() >= MAPPED_LIMIT) {
				this.mappings.clear();
			}
			// The groups are strings here: the mapper refused anything else.
			this.mappings.put(new ClaimValues((groups != null) ? List.copyOf((List<?>) groups) : null, scope), mapped);
		}
		return mapped;
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

	/** The raw values of a token's groups and scope claims. */
	private record ClaimValues(Object groups, Object scope) {

	}

	/** What the mapper made of them. */
	private record Mapped(List<String> groups, List<String> scopes, Collection<GrantedAuthority> authorities) {

	}

}
