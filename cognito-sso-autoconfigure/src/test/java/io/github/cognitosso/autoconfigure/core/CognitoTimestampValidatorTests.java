package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoTimestampValidatorTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final CognitoTimestampValidator validator = new CognitoTimestampValidator(Duration.ofSeconds(60),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private static Jwt token(Instant issuedAt, Instant expiresAt, Instant notBefore) {
		return Jwts.jwt((claims) -> {
			claims.put("sub", "x");
			if (issuedAt != null) {
				claims.put("iat", issuedAt);
			}
			if (expiresAt != null) {
				claims.put("exp", expiresAt);
			}
			if (notBefore != null) {
				claims.put("nbf", notBefore);
			}
		});
	}

	private String failure(Jwt jwt) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse(null);
	}

	@Test
	void tokenWithinItsLifetimeIsAccepted() {
		assertThat(failure(token(NOW.minusSeconds(10), NOW.plusSeconds(3600), null))).isNull();
	}

	@Test
	void tokenExpiredWithinTheSkewIsAccepted() {
		assertThat(failure(token(NOW.minusSeconds(3650), NOW.minusSeconds(59), null))).isNull();
	}

	@Test
	void tokenExpiredBeyondTheSkewIsRejected() {
		assertThat(failure(token(NOW.minusSeconds(3700), NOW.minusSeconds(61), null)))
			.isEqualTo("Expired: the token's exp is in the past");
	}

	@Test
	void tokenWithoutExpiryIsRejected() {
		assertThat(failure(token(NOW, null, null))).isEqualTo("Expired: the token has no exp claim");
	}

	@Test
	void tokenNotValidBeforeAFutureTimeIsRejected() {
		assertThat(failure(token(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(120))))
			.isEqualTo("Not yet valid: the token's nbf is in the future");
	}

	@Test
	void notBeforeWithinTheSkewIsAccepted() {
		assertThat(failure(token(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(30)))).isNull();
	}

	@Test
	void tokenIssuedInTheFutureIsRejected() {
		assertThat(failure(token(NOW.plusSeconds(300), NOW.plusSeconds(3600), null)))
			.isEqualTo("Not yet valid: the token's iat is in the future");
	}

	@Test
	void aLargerSkewToleratesALaggingClock() {
		CognitoTimestampValidator lenient = new CognitoTimestampValidator(Duration.ofSeconds(100),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(lenient.validate(token(NOW.minusSeconds(3690), NOW.minusSeconds(90), null)).hasErrors()).isFalse();
	}

}
