package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A decoding that runs with the cached keys only (a thread that must not block) is served
 * by the keys in hand, and wherever the key source would fetch it is told so instead,
 * with no fetch and no change of state: the same decoding run normally afterwards fetches
 * exactly as it would have.
 */
class CognitoJwkSourceCachedKeysOnlyTests {

	private static final Duration CACHE_TTL = Duration.ofMinutes(5);

	private static final Duration COOLDOWN = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock();

	private JwksServer jwks;

	private JwtDecoder decoder;

	@BeforeEach
	void startJwks() {
		this.jwks = new JwksServer().publish(TestTokens.POOL_KEY);
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setClientId(TestTokens.CLIENT_ID);
		properties.setJwkSetUri(this.jwks.jwkSetUri());
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		resourceServer.getJwks().setCacheTtl(CACHE_TTL);
		resourceServer.getJwks().setRefetchCooldown(COOLDOWN);
		resourceServer.getJwks().setReadTimeout(Duration.ofSeconds(10));
		resourceServer.getTokenCache().setEnabled(false);
		this.decoder = CognitoJwtDecoders.fromProperties(properties, resourceServer, properties.toEndpoints(),
				this.clock);
	}

	@AfterEach
	void stopJwks() {
		this.jwks.close();
	}

	private Throwable cachedOnly(String token) {
		return catchThrowable(() -> CognitoJwkSource.withCachedKeysOnly(() -> this.decoder.decode(token)));
	}

	private static String token(String jti) {
		return TestTokens.sign(TestTokens.userAccessToken((claims) -> claims.claim("jti", jti)));
	}

	private static String unknownKid(int i) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged-" + i).build();
		return TestTokens.sign(TestTokens.FOREIGN_KEY, header, TestTokens.userAccessToken().build());
	}

	@Test
	void theFirstTokenIsDeferredWithoutAFetchAndThenFetchesNormally() {
		Throwable deferred = cachedOnly(token("1"));
		assertThat(CognitoJwkSource.isFetchDeferred(deferred)).isTrue();
		assertThat(this.jwks.fetches()).isZero();
		assertThat(this.decoder.decode(token("1"))).isNotNull();
		assertThat(this.jwks.fetches()).isOne();
	}

	@Test
	void cachedKeysServeATokenWithoutDeferral() {
		this.decoder.decode(token("1"));
		assertThat(CognitoJwkSource.withCachedKeysOnly(() -> this.decoder.decode(token("2")))).isNotNull();
		assertThat(this.jwks.fetches()).isOne();
	}

	@Test
	void anExpiredKeySetIsDeferredAndRefreshedByTheNormalRun() {
		this.decoder.decode(token("1"));
		this.clock.advance(CACHE_TTL.plusSeconds(1));
		assertThat(CognitoJwkSource.isFetchDeferred(cachedOnly(token("2")))).isTrue();
		assertThat(this.jwks.fetches()).isOne();
		this.decoder.decode(token("2"));
		assertThat(this.jwks.fetches()).isEqualTo(2);
	}

	@Test
	void anUnknownKidIsDeferredWithoutUsingUpTheCooldown() {
		this.decoder.decode(token("1"));
		assertThat(CognitoJwkSource.isFetchDeferred(cachedOnly(unknownKid(1)))).isTrue();
		Throwable refused = catchThrowable(() -> this.decoder.decode(unknownKid(1)));
		assertThat(refused).isInstanceOf(BadJwtException.class);
		assertThat(CognitoJwkSource.isFetchDeferred(refused)).isFalse();
		assertThat(this.jwks.fetches()).isEqualTo(2);
	}

	@Test
	void anUnknownKidWithinTheCooldownIsRefusedAtOnceNotDeferred() {
		this.decoder.decode(token("1"));
		catchThrowable(() -> this.decoder.decode(unknownKid(1)));
		Throwable refused = cachedOnly(unknownKid(2));
		assertThat(refused).isInstanceOf(BadJwtException.class)
			.hasMessage("Unknown key: the token's kid is not a signing key of the user pool");
		assertThat(CognitoJwkSource.isFetchDeferred(refused)).isFalse();
		assertThat(this.jwks.fetches()).isEqualTo(2);
	}

	@Test
	void afterACachedKeysOnlyRunTheSameThreadFetchesNormallyAgain() {
		CognitoJwkSource.withCachedKeysOnly(() -> catchThrowable(() -> this.decoder.decode(token("1"))));
		assertThat(this.decoder.decode(token("1"))).isNotNull();
	}

}
