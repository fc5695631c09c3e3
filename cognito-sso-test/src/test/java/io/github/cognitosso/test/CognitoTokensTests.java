package io.github.cognitosso.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The times {@link CognitoTokens} writes: now by the simulator's clock, or consistently
 * in the past for expired tokens.
 */
class CognitoTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final CognitoTokens tokens = new CognitoTokens(new KeyRing(), "https://issuer.example/pool",
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final SimulatedUser alice = SimulatedUser.of("alice", "alice-password", "admin");

	@Test
	void tokensAreIssuedNowForTheirValidity() throws Exception {
		JWTClaimsSet claims = claims(this.tokens.accessToken(this.alice, "demo-client", "openid"));
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(claims.getLongClaim("auth_time")).isEqualTo(NOW.getEpochSecond());
	}

	@Test
	void expiredSinceMovesExpiryIssueAndAuthTimeIntoThePastTogether() throws Exception {
		CognitoTokens expired = this.tokens.expiredSince(Duration.ofMinutes(5));
		for (String token : List.of(expired.accessToken(this.alice, "demo-client", "openid"),
				expired.idToken(this.alice, "demo-client", "nonce"),
				expired.machineToken("demo-machine", "demo-api/read"))) {
			JWTClaimsSet claims = claims(token);
			Instant expiry = NOW.minus(Duration.ofMinutes(5));
			assertThat(claims.getExpirationTime().toInstant()).isEqualTo(expiry);
			assertThat(claims.getIssueTime().toInstant()).isEqualTo(expiry.minus(Duration.ofHours(1)));
			assertThat(claims.getLongClaim("auth_time")).isEqualTo(expiry.minus(Duration.ofHours(1)).getEpochSecond());
		}
	}

	@Test
	void expiredSinceKeepsTheGivenValidity() throws Exception {
		JWTClaimsSet claims = claims(this.tokens.expiredSince(Duration.ofSeconds(90))
			.accessToken(this.alice, "demo-client", List.of("openid"), Duration.ofMinutes(10), (builder) -> {
			}));
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.minusSeconds(90));
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW.minusSeconds(90).minus(Duration.ofMinutes(10)));
	}

	@Test
	void expiredTokensExpiredAnHourAgoBeyondAnyClockSkew() throws Exception {
		JWTClaimsSet claims = claims(this.tokens.expired().machineToken("demo-machine", "demo-api/read"));
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
	}

	@Test
	void expiredDoesNotChangeTheHelperItCameFrom() throws Exception {
		this.tokens.expired();
		JWTClaimsSet claims = claims(this.tokens.accessToken(this.alice, "demo-client", "openid"));
		assertThat(claims.getExpirationTime().toInstant()).isAfter(NOW);
	}

	@Test
	void negativeValidityIsRefusedWithAPointerToExpiredSince() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.accessToken(this.alice, "demo-client",
				List.of("openid"), Duration.ofMinutes(-5), (builder) -> {
				}))
			.withMessageContaining("PT-5M")
			.withMessageContaining("expiredSince(Duration)");
	}

	@Test
	void nonPositiveExpiredSinceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.expiredSince(Duration.ZERO))
			.withMessageContaining("positive");
	}

	private static JWTClaimsSet claims(String token) throws Exception {
		return SignedJWT.parse(token).getJWTClaimsSet();
	}

}
