package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the short-lived assertion of the user that the upstream may verify instead of
 * trusting plain headers (the model is Pomerium's {@code X-Pomerium-Jwt-Assertion}), and
 * publishes the public key as a JWKS. The key pair is made at start-up and lives in
 * memory only: a restart rotates it, and upstreams that fetch the key set by {@code kid}
 * pick the new one up.
 */
final class GatewayAssertions {

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final Duration lifetime;

	private final String audience;

	private final Clock clock;

	/**
	 * @param audience the fixed {@code aud}, or {@code null} for the request's host
	 */
	GatewayAssertions(Duration lifetime, String audience, Clock clock) {
		this.key = generateKey();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key)));
		this.lifetime = lifetime;
		this.audience = audience;
		this.clock = clock;
	}

	/**
	 * @param issuer the gateway's base URL
	 * @param host the host the request was sent to, the default audience
	 * @return the signed assertion of the caller
	 */
	String assertionOf(CognitoAuthentication caller, String issuer, String host) {
		Instant now = this.clock.instant();
		Map<String, Object> claims = caller.getClaims();
		JwtClaimsSet.Builder assertion = JwtClaimsSet.builder()
			.issuer(issuer)
			.audience(java.util.List.of((this.audience != null) ? this.audience : host))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.lifetime))
			.id(UUID.randomUUID().toString())
			.claim("groups", caller.getGroups());
		Object sub = claims.get("sub");
		if (sub instanceof String value) {
			assertion.subject(value);
		}
		caller.getUsername().ifPresent((username) -> assertion.claim("username", username));
		if (claims.get("email") instanceof String email) {
			assertion.claim("email", email);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, assertion.build())).getTokenValue();
	}

	/**
	 * @return the public key set, as JSON members
	 */
	Map<String, Object> publicKeys() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the gateway's assertion signing key", ex);
		}
	}

}
