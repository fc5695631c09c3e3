package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Accepts a token only when it was issued to one of the accepted app clients: the
 * {@code client_id} claim of an access token, the {@code aud} of an ID token.
 * <p>
 * Cognito access tokens carry no {@code aud} (unless the client asked for a resource
 * indicator), so a generic audience check rejects every one of them; the app client is in
 * {@code client_id} instead. Every app client of a pool gets tokens from the same issuer
 * and keys, so without this check any client of the pool could call the API.
 */
final class AppClientValidator implements OAuth2TokenValidator<Jwt> {

	static final String MISSING_CLIENT_ID = "Invalid client: the access token has no client_id claim";

	static final String CLIENT_ID_NOT_ACCEPTED = "Invalid client: the token's client_id is not an accepted app client";

	static final String AUDIENCE_NOT_ACCEPTED = "Invalid client: the ID token's aud is not an accepted app client";

	private static final OAuth2TokenValidatorResult MISSING_CLIENT_ID_RESULT = ValidationFailures
		.invalidToken(MISSING_CLIENT_ID);

	private static final OAuth2TokenValidatorResult CLIENT_ID_NOT_ACCEPTED_RESULT = ValidationFailures
		.invalidToken(CLIENT_ID_NOT_ACCEPTED);

	private static final OAuth2TokenValidatorResult AUDIENCE_NOT_ACCEPTED_RESULT = ValidationFailures
		.invalidToken(AUDIENCE_NOT_ACCEPTED);

	private final Set<String> clientIds;

	/**
	 * @param clientIds the ids of the accepted app clients
	 */
	AppClientValidator(Collection<String> clientIds) {
		Assert.notEmpty(clientIds, "clientIds must not be empty");
		this.clientIds = Set.copyOf(clientIds);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Map<String, Object> claims = jwt.getClaims();
		if ("id".equals(claims.get("token_use"))) {
			return acceptsAudience(claims.get("aud")) ? OAuth2TokenValidatorResult.success()
					: AUDIENCE_NOT_ACCEPTED_RESULT;
		}
		Object clientId = claims.get("client_id");
		if (clientId == null) {
			return MISSING_CLIENT_ID_RESULT;
		}
		return (clientId instanceof String id && this.clientIds.contains(id)) ? OAuth2TokenValidatorResult.success()
				: CLIENT_ID_NOT_ACCEPTED_RESULT;
	}

	private boolean acceptsAudience(Object audience) {
		if (audience instanceof String single) {
			return this.clientIds.contains(single);
		}
		if (audience instanceof Collection<?> audiences) {
			for (Object item : audiences) {
				if (item instanceof String value && this.clientIds.contains(value)) {
					return true;
				}
			}
		}
		return false;
	}

}
