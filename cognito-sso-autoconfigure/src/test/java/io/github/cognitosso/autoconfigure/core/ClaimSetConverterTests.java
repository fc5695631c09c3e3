package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder's claim-set conversion makes of every claim what Spring's
 * {@link MappedJwtClaimSetConverter} makes of it (or fails where it fails), whatever the
 * value's type: its shortcuts only skip Spring's look-ups for the types Nimbus' claim set
 * holds.
 */
class ClaimSetConverterTests {

	private final Converter<Map<String, Object>, Map<String, Object>> spring = MappedJwtClaimSetConverter
		.withDefaults(Map.of());

	private final Converter<Map<String, Object>, Map<String, Object>> starter = CognitoJwtDecoders
		.claimSetConverter(pool());

	private static CognitoPool pool() {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setClientId(TestTokens.CLIENT_ID);
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		CognitoJwkSource keys = CognitoJwtDecoders.jwkSource(resourceServer.getJwks(), properties.toEndpoints(),
				Clock.systemUTC());
		return CognitoPool.from(properties, resourceServer, properties.toEndpoints(), keys);
	}

	@Test
	void everyClaimBecomesWhatSpringMakesOfIt() {
		List<Object> values = new ArrayList<>(Arrays.asList(null, "text", "", 42, 42L, 1.5, true,
				Instant.ofEpochSecond(1_700_000_000), new Date(1_700_000_000_123L), "1700000000",
				"2023-11-14T22:13:20Z", "tomorrow", TestTokens.ISSUER, TestTokens.MULTI_REGION_ISSUER,
				TestTokens.ISSUER + "/", "https://example.com/a b", "not a url", "a:b c", "mailto:x@example.com",
				URI.create(TestTokens.ISSUER), List.of("a", "b"), Arrays.asList("a", null, 3), List.of(),
				Map.of("k", "v")));
		List<String> differences = new ArrayList<>();
		for (String claim : List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scope")) {
			for (Object value : values) {
				Map<String, Object> claims = new HashMap<>();
				claims.put(claim, value);
				claims.put("username", "alice");
				String expected = outcome(this.spring, claims);
				String actual = outcome(this.starter, claims);
				if (!actual.equals(expected)) {
					differences.add(claim + "=" + value + ": " + actual + " instead of " + expected);
				}
			}
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void ofTwoClaimsThatCannotBeConvertedTheSameOneIsNamed() {
		List<Object> bad = List.of("tomorrow", "a:b c", Map.of("k", "v"), List.of(Map.of()));
		List<String> claims = List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti");
		List<String> differences = new ArrayList<>();
		for (String first : claims) {
			for (String second : claims) {
				for (Object value : bad) {
					Map<String, Object> token = new HashMap<>();
					token.put(first, value);
					token.put(second, bad.get((bad.indexOf(value) + 1) % bad.size()));
					String expected = outcome(this.spring, token);
					String actual = outcome(this.starter, token);
					if (!actual.equals(expected)) {
						differences.add(token + ": " + actual + " instead of " + expected);
					}
				}
			}
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void anExpWithoutIatGetsSpringsIat() {
		Map<String, Object> claims = Map.of("exp", new Date(1_700_000_000_000L));
		assertThat(this.starter.convert(claims)).isEqualTo(this.spring.convert(claims))
			.containsEntry("iat", Instant.ofEpochSecond(1_699_999_999));
	}

	private static String outcome(Converter<Map<String, Object>, Map<String, Object>> converter,
			Map<String, Object> claims) {
		try {
			Map<String, Object> converted = converter.convert(claims);
			StringBuilder outcome = new StringBuilder();
			converted.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> outcome.append(entry.getKey())
					.append('=')
					.append(entry.getValue())
					.append(" (")
					.append((entry.getValue() != null) ? entry.getValue().getClass().getName() : "null")
					.append(") "));
			return outcome.toString();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

}
