package io.github.cognitosso.autoconfigure.core;

import java.util.Map;
import java.util.function.Consumer;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Builds decoded tokens ({@link Jwt}) for validator and converter tests, with claims as
 * Spring's decoder leaves them (times as {@code Instant}, {@code aud} as a list).
 */
final class Jwts {

	private Jwts() {
	}

	static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("token").header("alg", "RS256").claims((c) -> c.putAll(claims)).build();
	}

	static Jwt jwt(Consumer<Map<String, Object>> claims) {
		return Jwt.withTokenValue("token").header("alg", "RS256").claims(claims).build();
	}

}
