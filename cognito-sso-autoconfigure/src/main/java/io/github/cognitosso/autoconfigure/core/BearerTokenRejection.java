package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Why the decoder refused a bearer token, as a fixed set of values: the
 * {@code error_description} of the 401 answer is a fixed sentence per check, and each
 * sentence maps to one of these. Metrics tag refusals with {@link #tagValue()}, so the
 * number of tag values is bounded whatever the tokens contain.
 */
public enum BearerTokenRejection {

	/** {@code exp} is past (beyond the clock skew) or missing. */
	EXPIRED("expired"),

	/** {@code nbf} or {@code iat} is in the future (beyond the clock skew). */
	NOT_YET_VALID("not_yet_valid"),

	/** {@code iss} is not the pool's issuer, or missing. */
	WRONG_ISSUER("wrong_issuer"),

	/**
	 * {@code token_use} is not an accepted kind of token (an ID token sent as an access
	 * token), or missing.
	 */
	WRONG_TOKEN_USE("wrong_token_use"),

	/** The token was issued to an app client that is not accepted. */
	WRONG_CLIENT("wrong_client"),

	/** {@code aud} names none of the API's resource indicators. */
	WRONG_AUDIENCE("wrong_audience"),

	/** A scope every token must carry is missing. */
	INSUFFICIENT_SCOPE("insufficient_scope"),

	/** The signature does not verify with the key the token names. */
	BAD_SIGNATURE("bad_signature"),

	/** The token's {@code kid} is not in the pool's key set, even after a refetch. */
	UNKNOWN_KID("unknown_kid"),

	/** Not RS256: unsigned, encrypted, or another algorithm. */
	BAD_ALGORITHM("bad_algorithm"),

	/**
	 * Not a JWT, not canonical base64url, or claims of the wrong type (empty tokens too).
	 */
	MALFORMED("malformed"),

	/** Longer than {@code cognito.resource-server.max-token-size}. */
	TOO_LARGE("too_large"),

	/** The pool's signing keys could not be fetched (no cached keys to verify with). */
	KEYS_UNAVAILABLE("keys_unavailable"),

	/** One of the application's own {@code OAuth2TokenValidator<Jwt>} checks failed. */
	OTHER("other");

	private static final Map<String, BearerTokenRejection> BY_DESCRIPTION = byDescription();

	private final String tagValue;

	BearerTokenRejection(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * @return the value metrics use for this reason (lower case, underscores)
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * @param errors the errors of a refusal, the first being the one the 401 answer
	 * reports
	 * @return the reason for the first error, {@link #OTHER} when it is none of the
	 * starter's checks
	 */
	static BearerTokenRejection of(Collection<OAuth2Error> errors) {
		for (OAuth2Error error : errors) {
			if (BearerTokenErrorCodes.INSUFFICIENT_SCOPE.equals(error.getErrorCode())) {
				return INSUFFICIENT_SCOPE;
			}
			return of(error.getDescription());
		}
		return OTHER;
	}

	/**
	 * @param description the {@code error_description} of a refusal
	 * @return its reason, {@link #OTHER} when it is none of the starter's descriptions
	 */
	static BearerTokenRejection of(String description) {
		if (description == null) {
			return OTHER;
		}
		BearerTokenRejection reason = BY_DESCRIPTION.get(description);
		if (reason != null) {
			return reason;
		}
		// The only description that carries a number (the configured limit).
		return description.startsWith("Too large: ") ? TOO_LARGE : OTHER;
	}

	private static Map<String, BearerTokenRejection> byDescription() {
		Map<String, BearerTokenRejection> reasons = new HashMap<>();
		reasons.put(CognitoTimestampValidator.EXPIRED, EXPIRED);
		reasons.put(CognitoTimestampValidator.MISSING_EXP, EXPIRED);
		reasons.put(CognitoTimestampValidator.NOT_BEFORE, NOT_YET_VALID);
		reasons.put(CognitoTimestampValidator.ISSUED_IN_FUTURE, NOT_YET_VALID);
		reasons.put(CognitoIssuerValidator.MISSING, WRONG_ISSUER);
		reasons.put(CognitoIssuerValidator.NOT_ACCEPTED, WRONG_ISSUER);
		reasons.put(TokenUseValidator.MISSING, WRONG_TOKEN_USE);
		reasons.put(TokenUseValidator.notAcceptedDescription(true, false), WRONG_TOKEN_USE);
		reasons.put(TokenUseValidator.notAcceptedDescription(false, true), WRONG_TOKEN_USE);
		reasons.put(TokenUseValidator.notAcceptedDescription(true, true), WRONG_TOKEN_USE);
		reasons.put(AppClientValidator.MISSING_CLIENT_ID, WRONG_CLIENT);
		reasons.put(AppClientValidator.CLIENT_ID_NOT_ACCEPTED, WRONG_CLIENT);
		reasons.put(AppClientValidator.AUDIENCE_NOT_ACCEPTED, WRONG_CLIENT);
		reasons.put(ResourceAudienceValidator.NOT_ACCEPTED, WRONG_AUDIENCE);
		reasons.put(RequiredScopesValidator.INSUFFICIENT, INSUFFICIENT_SCOPE);
		reasons.put(DecodingFailures.SIGNATURE, BAD_SIGNATURE);
		reasons.put(DecodingFailures.UNKNOWN_KEY, UNKNOWN_KID);
		reasons.put(DecodingFailures.UNSIGNED, BAD_ALGORITHM);
		reasons.put(DecodingFailures.ENCRYPTED, BAD_ALGORITHM);
		reasons.put(DecodingFailures.ALGORITHM, BAD_ALGORITHM);
		reasons.put(DecodingFailures.EMPTY, MALFORMED);
		reasons.put(DecodingFailures.MALFORMED, MALFORMED);
		reasons.put(DecodingFailures.NOT_CANONICAL, MALFORMED);
		reasons.put(DecodingFailures.MALFORMED_PAYLOAD, MALFORMED);
		reasons.put(DecodingFailures.MALFORMED_CLAIMS, MALFORMED);
		reasons.put(DecodingFailures.KEYS_UNAVAILABLE, KEYS_UNAVAILABLE);
		return Map.copyOf(reasons);
	}

}
