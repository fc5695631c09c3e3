package io.github.cognitosso.autoconfigure.core;

import java.security.Key;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys and RSA verifiers of a fetched key set are built once, reused for every token,
 * and replaced with the key set.
 */
class PreparedKeysTests {

	private final MutableClock clock = new MutableClock();

	private JwksServer jwks;

	private CognitoJwkSource keys;

	@BeforeEach
	void startJwks() {
		this.jwks = new JwksServer().publish(TestTokens.POOL_KEY);
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setJwkSetUri(this.jwks.jwkSetUri());
		CognitoResourceServerProperties.Jwks settings = new CognitoResourceServerProperties().getJwks();
		settings.setCacheTtl(Duration.ofMinutes(5));
		// The first fetch also warms WireMock up, on a machine that may be busy.
		settings.setReadTimeout(Duration.ofSeconds(20));
		this.keys = CognitoJwtDecoders.jwkSource(settings, properties.toEndpoints(), this.clock);
	}

	@AfterEach
	void stopJwks() {
		this.jwks.close();
	}

	private Key keyFor(String kid) throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
		List<JWK> matches = this.keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
		List<Key> javaKeys = this.keys.javaKeys(matches);
		assertThat(javaKeys).hasSize(1);
		return javaKeys.get(0);
	}

	@Test
	void everyTokenGetsTheSameKeyAndVerifierOfAFetchedKeySet() throws Exception {
		Key first = keyFor(TestTokens.POOL_KEY.getKeyID());
		Key second = keyFor(TestTokens.POOL_KEY.getKeyID());

		assertThat(second).isSameAs(first).isEqualTo(TestTokens.POOL_KEY.toRSAPublicKey());
		assertThat(this.keys.rsaVerifier(second)).isNotNull().isSameAs(this.keys.rsaVerifier(first));
	}

	@Test
	void aRefetchedKeySetBringsItsOwnKeysAndVerifiers() throws Exception {
		Key before = keyFor(TestTokens.POOL_KEY.getKeyID());
		this.jwks.publish(TestTokens.POOL_KEY, TestTokens.ROTATED_KEY);
		this.clock.advance(Duration.ofMinutes(6));

		Key rotated = keyFor(TestTokens.ROTATED_KEY.getKeyID());

		assertThat(rotated).isEqualTo(TestTokens.ROTATED_KEY.toRSAPublicKey());
		assertThat(this.keys.rsaVerifier(rotated)).isNotNull();
		assertThat(this.keys.rsaVerifier(before)).as("a key of the replaced set").isNull();
	}

}
