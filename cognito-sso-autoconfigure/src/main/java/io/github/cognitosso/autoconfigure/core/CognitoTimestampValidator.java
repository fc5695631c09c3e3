package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Checks the token's lifetime with a clock skew: {@code exp} is required and must not be
 * past, {@code nbf} and {@code iat} must not be in the future.
 * <p>
 * Unlike Spring's {@code JwtTimestampValidator}, a token without {@code exp} is rejected
 * (every Cognito token has one, so a token without it was not issued by Cognito) and
 * {@code iat} is checked too.
 */
final class CognitoTimestampValidator implements OAuth2TokenValidator<Jwt> {

	static final String MISSING_EXP = "Expired: the token has no exp claim";

	static final String EXPIRED = "Expired: the token's exp is in the past";

	static final String NOT_BEFORE = "Not yet valid: the token's nbf is in the future";

	static final String ISSUED_IN_FUTURE = "Not yet valid: the token's iat is in the future";

	private static final OAuth2TokenValidatorResult MISSING_EXP_RESULT = ValidationFailures.invalidToken(MISSING_EXP);

	private static final OAuth2TokenValidatorResult EXPIRED_RESULT = ValidationFailures.invalidToken(EXPIRED);

	private static final OAuth2TokenValidatorResult NOT_BEFORE_RESULT = ValidationFailures.invalidToken(NOT_BEFORE);

	private static final OAuth2TokenValidatorResult ISSUED_IN_FUTURE_RESULT = ValidationFailures
		.invalidToken(ISSUED_IN_FUTURE);

	private final Duration clockSkew;

	private final Clock clock;

	/**
	 * @param clockSkew tolerated difference between this server's clock and Cognito's
	 */
	CognitoTimestampValidator(Duration clockSkew) {
		this(clockSkew, Clock.systemUTC());
	}

	/**
	 * @param clockSkew tolerated difference between this server's clock and Cognito's
	 * @param clock the clock to read the time from
	 */
	CognitoTimestampValidator(Duration clockSkew, Clock clock) {
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew must not be negative");
		Assert.notNull(clock, "clock must not be null");
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Instant expiresAt = ValidationFailures.instant(jwt, "exp");
		if (expiresAt == null) {
			return MISSING_EXP_RESULT;
		}
		Instant now = this.clock.instant();
		Instant earliest = now.minus(this.clockSkew);
		if (expiresAt.isBefore(earliest)) {
			return EXPIRED_RESULT;
		}
		Instant latest = now.plus(this.clockSkew);
		Instant notBefore = ValidationFailures.instant(jwt, "nbf");
		if (notBefore != null && notBefore.isAfter(latest)) {
			return NOT_BEFORE_RESULT;
		}
		Instant issuedAt = ValidationFailures.instant(jwt, "iat");
		if (issuedAt != null && issuedAt.isAfter(latest)) {
			return ISSUED_IN_FUTURE_RESULT;
		}
		return OAuth2TokenValidatorResult.success();
	}

}
