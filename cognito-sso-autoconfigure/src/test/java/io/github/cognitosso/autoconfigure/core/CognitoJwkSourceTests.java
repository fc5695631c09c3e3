package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * How the decoder fetches and caches the pool's keys, against a WireMock JWKS endpoint
 * and a clock the test moves.
 */
@ExtendWith(OutputCaptureExtension.class)
class CognitoJwkSourceTests {

	private static final Duration CACHE_TTL = Duration.ofMinutes(5);

	private static final Duration COOLDOWN = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock();

	private JwksServer jwks;

	private JwtDecoder decoder;

	@BeforeEach
	void startJwks() {
		this.jwks = new JwksServer().publish(TestTokens.POOL_KEY);
		this.decoder = decoder(Duration.ofSeconds(2));
	}

	@AfterEach
	void stopJwks() {
		this.jwks.close();
	}

	private JwtDecoder decoder(Duration readTimeout) {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setClientId(TestTokens.CLIENT_ID);
		properties.setJwkSetUri(this.jwks.jwkSetUri());
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		CognitoResourceServerProperties.Jwks settings = resourceServer.getJwks();
		settings.setCacheTtl(CACHE_TTL);
		settings.setRefetchCooldown(COOLDOWN);
		settings.setReadTimeout(readTimeout);
		return CognitoJwtDecoders.fromProperties(properties, resourceServer, properties.toEndpoints(), this.clock);
	}

	private static String validToken() {
		return TestTokens.sign(TestTokens.userAccessToken());
	}

	private static String tokenWithUnknownKid(int i) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged-" + i).build();
		return TestTokens.sign(TestTokens.FOREIGN_KEY, header, TestTokens.userAccessToken().build());
	}

	@Test
	void buildingTheDecoderFetchesNothing() {
		assertThat(this.jwks.fetches()).isZero();
	}

	@Test
	void keysAreFetchedOnTheFirstTokenAndCached() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.decoder.decode(validToken()).getClaimAsString("username")).isEqualTo("alice");
		}
		assertThat(this.jwks.fetches()).isEqualTo(1);
	}

	@Test
	void hundredUnknownKidsCauseOneFetchWithinTheCooldown() {
		this.decoder.decode(validToken());
		this.jwks.resetCount();
		for (int i = 0; i < 100; i++) {
			String token = tokenWithUnknownKid(i);
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
				.withMessage("Unknown key: the token's kid is not a signing key of the user pool");
		}
		assertThat(this.jwks.fetches()).isEqualTo(1);
		assertThat(this.decoder.decode(validToken())).isNotNull();
	}

	@Test
	void anUnknownKidMayTriggerAnotherRefetchOnceTheCooldownHasPassed() {
		this.decoder.decode(validToken());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(tokenWithUnknownKid(1)));
		this.clock.advance(COOLDOWN.minusSeconds(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(tokenWithUnknownKid(2)));
		assertThat(this.jwks.fetches()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(tokenWithUnknownKid(3)));
		assertThat(this.jwks.fetches()).isEqualTo(3);
	}

	@Test
	void forgedKidsDoNotQueueBehindAFetchInFlight() throws Exception {
		JwtDecoder patient = decoder(Duration.ofSeconds(30));
		patient.decode(validToken());
		String firstForged = tokenWithUnknownKid(1);
		String secondForged = tokenWithUnknownKid(2);
		String valid = validToken();
		this.jwks.hang(5_000);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Throwable> first = executor.submit(() -> catchThrowable(() -> patient.decode(firstForged)));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.jwks.fetches() == 2);

			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> patient.decode(secondForged))
				.withMessage("Unknown key: the token's kid is not a signing key of the user pool");
			assertThat(first).as("the first fetch is still in flight").isNotDone();
			assertThat(patient.decode(valid)).isNotNull();
			assertThat(first).isNotDone();

			assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(BadJwtException.class)
				.hasMessage("Unknown key: the token's kid is not a signing key of the user pool");
			assertThat(this.jwks.fetches()).isEqualTo(2);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aRotatedKeyIsAcceptedAfterOneRefetch() {
		this.decoder.decode(validToken());
		this.jwks.publish(TestTokens.POOL_KEY, TestTokens.ROTATED_KEY);
		this.jwks.resetCount();
		Jwt jwt = this.decoder.decode(TestTokens.sign(TestTokens.ROTATED_KEY, TestTokens.userAccessToken()));
		assertThat(jwt.getHeaders()).containsEntry("kid", "pool-key-2");
		assertThat(this.jwks.fetches()).isEqualTo(1);
		this.decoder.decode(TestTokens.sign(TestTokens.ROTATED_KEY, TestTokens.userAccessToken()));
		this.decoder.decode(validToken());
		assertThat(this.jwks.fetches()).isEqualTo(1);
	}

	@Test
	void keysAreFetchedAgainOnceTheCacheHasExpired() {
		this.decoder.decode(validToken());
		this.clock.advance(CACHE_TTL);
		this.decoder.decode(validToken());
		assertThat(this.jwks.fetches()).isEqualTo(2);
	}

	@Test
	void cachedKeysKeepWorkingWhileTheEndpointFails() {
		this.decoder.decode(validToken());
		this.jwks.fail();
		this.clock.advance(CACHE_TTL.plusMinutes(1));
		assertThat(this.decoder.decode(validToken())).isNotNull();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(tokenWithUnknownKid(1)))
			.withMessage("Unknown key: the token's kid is not a signing key of the user pool");
		assertThat(this.decoder.decode(validToken())).isNotNull();
		// One failed refresh, then the cooldown holds further attempts back.
		assertThat(this.jwks.fetches()).isEqualTo(2);
		this.clock.advance(COOLDOWN);
		this.jwks.publish(TestTokens.POOL_KEY);
		assertThat(this.decoder.decode(validToken())).isNotNull();
		assertThat(this.jwks.fetches()).isEqualTo(3);
	}

	@Test
	void anUnreachableKeySetIsAnInvalidTokenNotAServerError() {
		this.jwks.fail();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(validToken()))
			.withMessage("Keys unavailable: the user pool's signing keys could not be fetched");
		// Within the cooldown the endpoint is left alone.
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(validToken()));
		assertThat(this.jwks.fetches()).isEqualTo(1);
	}

	@Test
	void aJwksUrlThatRedirectsElsewhereIsNotFollowed(CapturedOutput output) {
		try (JwksServer elsewhere = new JwksServer().publish(TestTokens.POOL_KEY)) {
			this.jwks.redirectTo(elsewhere.jwkSetUri());
			String token = validToken();
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
				.withMessage("Keys unavailable: the user pool's signing keys could not be fetched");
			assertThat(elsewhere.fetches()).isZero();
			assertThat(output).contains("answered HTTP 302 (redirects are not followed)");
		}
	}

	@Test
	void aJwksThatTricklesItsAnswerIsCutOffByTheDeadlineOfTheWholeFetch(CapturedOutput output) {
		// A chunk every 500 ms: no single read waits a whole second, the fetch as a whole
		// would take 20 s.
		this.jwks.trickle(40, 20_000);
		JwtDecoder impatient = decoder(Duration.ofSeconds(1));
		String token = validToken();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> impatient.decode(token))
						.withMessage("Keys unavailable: the user pool's signing keys could not be fetched"));
		assertThat(output).contains("no complete answer within the 1000 ms deadline");
	}

	@Test
	void aHangingEndpointFailsTheRequestWithinTheReadTimeout() {
		this.jwks.hang(10_000);
		JwtDecoder impatient = decoder(Duration.ofMillis(200));
		String token = validToken();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> impatient.decode(token))
						.withMessage("Keys unavailable: the user pool's signing keys could not be fetched"));
	}

}
