package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Shared bits of the validators. A failure is built once per validator and reused, so a
 * rejected token costs no allocation; descriptions are fixed texts that never repeat a
 * value taken from the token, because they end up in the {@code WWW-Authenticate} header.
 */
final class ValidationFailures {

	private ValidationFailures() {
	}

	static OAuth2TokenValidatorResult invalidToken(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

	/**
	 * Reads a time claim the way Spring's claim set converter leaves it (an
	 * {@link Instant}); falls back to the claim accessor for decoders that skip that
	 * converter.
	 */
	static Instant instant(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		if (value == null || value instanceof Instant) {
			return (Instant) value;
		}
		return jwt.getClaimAsInstant(claim);
	}

	static String string(Map<String, Object> claims, String claim) {
		return (claims.get(claim) instanceof String value) ? value : null;
	}

}
