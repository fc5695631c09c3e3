package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code cognito.resource-server.token-cache.*} as a user sets it: on by default, off on
 * request, bounded by its max-ttl, refused when it cannot work, and harmless without
 * Caffeine.
 * <p>
 * What a cached token shows from outside: once the pool withdraws the key that signed it,
 * a fresh token signed by that key is refused at once while the cached token is still
 * accepted, for at most the max-ttl.
 */
class TokenCachePropertiesTests {

	private static final Duration KEYS_TTL = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock();

	private JwksServer jwks;

	private CognitoProperties properties;

	private CognitoResourceServerProperties resourceServer;

	@BeforeEach
	void setUp() {
		this.jwks = new JwksServer().publish(TestTokens.POOL_KEY);
		this.properties = new CognitoProperties();
		this.resourceServer = new CognitoResourceServerProperties();
		this.properties.setUserPoolId(TestTokens.POOL_ID);
		this.properties.setClientId(TestTokens.CLIENT_ID);
		this.properties.setJwkSetUri(this.jwks.jwkSetUri());
		this.resourceServer.getJwks().setCacheTtl(KEYS_TTL);
	}

	@AfterEach
	void tearDown() {
		this.jwks.close();
	}

	private JwtDecoder decoder() {
		return CognitoJwtDecoders.fromProperties(this.properties, this.resourceServer, this.properties.toEndpoints(),
				this.clock);
	}

	private static String poolToken() {
		return TestTokens.sign(TestTokens.userAccessToken());
	}

	/**
	 * The pool publishes only the rotated key, and the decoder's copy of the key set has
	 * expired.
	 */
	private void withdrawThePoolKey() {
		this.jwks.publish(TestTokens.ROTATED_KEY);
		this.clock.advance(KEYS_TTL.plusSeconds(1));
	}

	private void assertUnknownKey(JwtDecoder decoder, String token) {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("Unknown key: the token's kid is not a signing key of the user pool");
	}

	@Test
	void theCacheIsOnByDefault() {
		JwtDecoder decoder = decoder();
		String cached = poolToken();
		decoder.decode(cached);
		withdrawThePoolKey();
		assertUnknownKey(decoder, poolToken());
		assertThat(decoder.decode(cached).getClaimAsString("username")).isEqualTo("alice");
	}

	@Test
	void aCachedTokenIsVerifiedAgainOnceTheMaxTtlHasPassed() {
		this.resourceServer.getTokenCache().setMaxTtl(Duration.ofMinutes(2));
		JwtDecoder decoder = decoder();
		String cached = poolToken();
		decoder.decode(cached);
		withdrawThePoolKey();
		assertThat(decoder.decode(cached)).isNotNull();
		this.clock.advance(Duration.ofMinutes(1));
		assertUnknownKey(decoder, cached);
	}

	@Test
	void withTheCacheOffEveryRequestIsVerified() {
		this.resourceServer.getTokenCache().setEnabled(false);
		JwtDecoder decoder = decoder();
		String token = poolToken();
		decoder.decode(token);
		withdrawThePoolKey();
		assertUnknownKey(decoder, token);
	}

	@Test
	void withoutCaffeineTokensAreStillValidated() throws Exception {
		try (URLClassLoader withoutCaffeine = new URLClassLoader(classpathWithoutCaffeine(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> withoutCaffeine.loadClass("com.github.benmanes.caffeine.cache.Caffeine"));
			@SuppressWarnings("unchecked")
			Function<String[], String> decode = (Function<String[], String>) withoutCaffeine
				.loadClass(DecodeWithDefaultSettings.class.getName())
				.getDeclaredConstructor()
				.newInstance();
			assertThat(decode.apply(new String[] { this.jwks.jwkSetUri(), poolToken() })).isEqualTo("alice");
		}
	}

	private static URL[] classpathWithoutCaffeine() throws MalformedURLException {
		// Surefire hands the JVM a manifest-only jar; the real class path is in this
		// property.
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : classpath.split(File.pathSeparator)) {
			if (!entry.isEmpty() && !entry.contains("caffeine")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	/**
	 * Loaded in a class loader without Caffeine: builds the decoder with default settings
	 * (cache enabled) and decodes a token; answers the token's username.
	 */
	public static final class DecodeWithDefaultSettings implements Function<String[], String> {

		@Override
		public String apply(String[] jwkSetUriAndToken) {
			CognitoProperties properties = new CognitoProperties();
			properties.setUserPoolId(TestTokens.POOL_ID);
			properties.setClientId(TestTokens.CLIENT_ID);
			properties.setJwkSetUri(jwkSetUriAndToken[0]);
			JwtDecoder decoder = CognitoJwtDecoders.fromProperties(properties, new CognitoResourceServerProperties(),
					properties.toEndpoints());
			decoder.decode(jwkSetUriAndToken[1]);
			return decoder.decode(jwkSetUriAndToken[1]).getClaimAsString("username");
		}

	}

}
