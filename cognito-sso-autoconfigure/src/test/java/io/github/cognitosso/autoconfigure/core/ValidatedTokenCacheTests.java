package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The validated-token cache in front of the real Cognito verification (keys from a
 * WireMock JWKS, every check on), with a clock and a Caffeine ticker the test moves: what
 * it saves, and that it never accepts what the verification would refuse.
 */
class ValidatedTokenCacheTests {

	private static final Duration SKEW = Duration.ofSeconds(60);

	private static JwksServer jwks;

	private final MutableClock clock = new MutableClock();

	/** Caffeine's time: by default it moves with the clock. */
	private Ticker ticker = () -> this.clock.millis() * 1_000_000L;

	/** How many tokens reached the signature verification and the checks. */
	private final AtomicInteger verifications = new AtomicInteger();

	private ValidatedTokenCache cache;

	@BeforeAll
	static void startJwks() {
		jwks = new JwksServer().publish(TestTokens.POOL_KEY);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@BeforeEach
	void resetCount() {
		this.verifications.set(0);
	}

	/**
	 * The production chain: size limit and failure wording, then the cache, then Nimbus
	 * with the Cognito checks.
	 */
	private JwtDecoder decoder(long maximumSize, Duration maxTtl) {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setClientId(TestTokens.CLIENT_ID);
		properties.setJwkSetUri(jwks.jwkSetUri());
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		resourceServer.setClockSkew(SKEW);
		CognitoPool pool = CognitoPool.from(properties, resourceServer, properties.toEndpoints(),
				CognitoJwtDecoders.jwkSource(resourceServer.getJwks(), properties.toEndpoints(), this.clock));
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(pool.keys())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		nimbus.setJwtValidator(CognitoJwtDecoders.validator(pool, resourceServer, this.clock));
		JwtDecoder counting = (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
		this.cache = new ValidatedTokenCache(counting, maximumSize, maxTtl, this.clock, () -> this.ticker.read(),
				Runnable::run);
		return new CognitoJwtDecoder(this.cache, 16 * 1024);
	}

	private JwtDecoder decoder() {
		return decoder(100, Duration.ofMinutes(5));
	}

	/** A Cognito access token issued now by the clock, valid for the given time. */
	private String token(Duration validity) {
		Instant now = this.clock.instant();
		return TestTokens
			.sign(TestTokens.userAccessToken().issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validity))));
	}

	/** The same characters in a new String, as each request brings its own. */
	private static String copy(String token) {
		return new String(token.toCharArray());
	}

	private static String description(BadJwtException ex) {
		if (ex instanceof JwtValidationException validation) {
			return validation.getErrors().iterator().next().getDescription();
		}
		return ex.getMessage();
	}

	@Test
	void aRepeatedTokenIsVerifiedOnce() {
		JwtDecoder decoder = decoder();
		String token = token(Duration.ofHours(1));
		Jwt first = decoder.decode(copy(token));
		Jwt again = decoder.decode(copy(token));
		decoder.decode(copy(token));
		assertThat(this.verifications).hasValue(1);
		assertThat(again.getClaims()).isEqualTo(first.getClaims());
		assertThat(again.getTokenValue()).isEqualTo(token);
	}

	@Test
	void aHitReturnsWhatTheMissReturnedWithTheSameTypes() {
		JwtDecoder decoder = decoder();
		String token = token(Duration.ofHours(1));
		Jwt miss = decoder.decode(copy(token));
		Jwt hit = decoder.decode(copy(token));
		assertThat(this.verifications).hasValue(1);
		assertThat(hit.getTokenValue()).isEqualTo(miss.getTokenValue());
		assertThat(hit.getIssuedAt()).isEqualTo(miss.getIssuedAt());
		assertThat(hit.getExpiresAt()).isEqualTo(miss.getExpiresAt());
		assertThat(hit.getHeaders()).containsExactlyEntriesOf(miss.getHeaders());
		assertThat(hit.getClaims()).containsExactlyEntriesOf(miss.getClaims());
		miss.getClaims().forEach((name, value) -> assertThat(hit.getClaims().get(name)).as(name).hasSameClassAs(value));
	}

	@Test
	void aTokenWithTheSignatureOfACachedOneButAnotherPayloadIsVerifiedAndRefused() {
		JwtDecoder decoder = decoder();
		String token = token(Duration.ofHours(1));
		decoder.decode(token);
		String other = token(Duration.ofHours(2));
		String forged = other.substring(0, other.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged))
			.satisfies((ex) -> assertThat(description(ex))
				.isEqualTo("Invalid signature: the token's signature does not verify"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void otherSpellingsOfACachedTokenAreRefusedAndNeverCached() {
		JwtDecoder decoder = decoder();
		Instant now = this.clock.instant();
		List<String> spellings = TestTokens.respelled(TestTokens.userAccessToken()
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1)))));
		assertThat(decoder.decode(spellings.get(0)).getClaimAsString("username")).isEqualTo("alice");
		for (String spelling : spellings.subList(1, spellings.size())) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(spelling))
				.withMessageStartingWith("Malformed: the token is not in canonical base64url");
		}
		assertThat(decoder.decode(spellings.get(0))).isNotNull();
		assertThat(this.cache.size()).isEqualTo(1);
	}

	@Test
	void differentTokensAreVerifiedEach() {
		JwtDecoder decoder = decoder();
		decoder.decode(token(Duration.ofHours(1)));
		decoder.decode(token(Duration.ofHours(1)));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatExpiredWhileCachedIsRefusedAsWithoutTheCache() {
		// Caffeine's time stands still, so only the check of exp on each hit can notice
		// the expiry.
		this.ticker = () -> 0L;
		JwtDecoder decoder = decoder(100, Duration.ofHours(2));
		String token = token(Duration.ofMinutes(10));
		decoder.decode(token);
		this.clock.advance(Duration.ofMinutes(10).plus(SKEW).plusSeconds(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.satisfies((ex) -> assertThat(description(ex)).isEqualTo("Expired: the token's exp is in the past"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenPastItsExpButWithinTheClockSkewIsVerifiedAgainNotServedFromTheCache() {
		this.ticker = () -> 0L;
		JwtDecoder decoder = decoder(100, Duration.ofHours(2));
		String token = token(Duration.ofMinutes(10));
		decoder.decode(token);
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		assertThat(decoder.decode(token).getClaimAsString("username")).isEqualTo("alice");
		assertThat(decoder.decode(token).getClaimAsString("username")).isEqualTo("alice");
		// Accepted thanks to the skew, as without the cache, but never kept.
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void anEntryLivesNoLongerThanTheMaxTtl() {
		JwtDecoder decoder = decoder(100, Duration.ofMinutes(1));
		String token = token(Duration.ofHours(1));
		decoder.decode(token);
		this.clock.advance(Duration.ofSeconds(59));
		decoder.decode(token);
		assertThat(this.verifications).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		decoder.decode(token);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anEntryLivesNoLongerThanItsToken() {
		JwtDecoder decoder = decoder(100, Duration.ofHours(1));
		String token = token(Duration.ofMinutes(3));
		decoder.decode(token);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void theNumberOfTokensKeptIsBounded() {
		JwtDecoder decoder = decoder(5, Duration.ofMinutes(5));
		for (int i = 0; i < 50; i++) {
			assertThat(decoder.decode(token(Duration.ofHours(1)))).isNotNull();
		}
		assertThat(this.cache.size()).isLessThanOrEqualTo(5);
		assertThat(this.verifications).hasValue(50);
	}

	@Test
	void everyHitAndMissIsCountedWhetherCaffeineRecordsTheReadOrNot() {
		JwtDecoder decoder = decoder();
		String token = token(Duration.ofHours(1));
		long hits = this.cache.hitCount();
		long misses = this.cache.missCount();
		for (int i = 0; i < 300; i++) {
			assertThat(decoder.decode(copy(token)).getClaimAsString("username")).isEqualTo("alice");
		}
		assertThat(this.cache.missCount() - misses).isEqualTo(1);
		assertThat(this.cache.hitCount() - hits).isEqualTo(299);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aTokenInUseStaysCachedWhileManyOneTimeTokensPassThrough() {
		// Only some reads reach Caffeine's eviction policy: a token in steady use must
		// still outrank tokens seen once.
		JwtDecoder decoder = decoder(16, Duration.ofMinutes(5));
		String inUse = token(Duration.ofHours(1));
		for (int i = 0; i < 150; i++) {
			assertThat(decoder.decode(token(Duration.ofHours(1)))).isNotNull();
			for (int j = 0; j < 32; j++) {
				assertThat(decoder.decode(copy(inUse))).isNotNull();
			}
		}
		assertThat(this.verifications).hasValue(150 + 1);
		assertThat(this.cache.size()).isLessThanOrEqualTo(16);
	}

	@Test
	void aTokenWithABadSignatureIsNeverServedFromTheCache() {
		JwtDecoder decoder = decoder();
		String token = token(Duration.ofHours(1));
		decoder.decode(token);
		String forged = TestTokens.withAlteredSignature(token);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged))
			.satisfies((ex) -> assertThat(description(ex))
				.isEqualTo("Invalid signature: the token's signature does not verify"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged));
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void aRefusedTokenIsNotRemembered() {
		JwtDecoder decoder = decoder();
		Instant now = this.clock.instant();
		String notYetValid = TestTokens.sign(TestTokens.userAccessToken()
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.plus(SKEW).plusSeconds(60)))
			.expirationTime(Date.from(now.plusSeconds(3600))));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(notYetValid))
			.satisfies(
					(ex) -> assertThat(description(ex)).isEqualTo("Not yet valid: the token's nbf is in the future"));
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(decoder.decode(notYetValid).getClaimAsString("username")).isEqualTo("alice");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void refusalsReadTheSameWithTheCache() {
		JwtDecoder decoder = decoder();
		String valid = token(Duration.ofHours(1));
		decoder.decode(valid);
		String otherClient = TestTokens
			.sign(TestTokens.userAccessToken((c) -> c.claim("client_id", TestTokens.OTHER_CLIENT_ID)));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(otherClient))
				.satisfies((ex) -> assertThat(description(ex))
					.isEqualTo("Invalid client: the token's client_id is not an accepted app client"));
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(valid.substring(0, valid.lastIndexOf('.'))))
				.withMessage("Malformed: the token is not a JWT (three base64url parts, JSON header and payload)");
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(valid + "x".repeat(17_000)))
				.withMessage("Too large: the token is longer than 16384 characters");
		}
	}

}
