package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.ClassUtils;

/**
 * Signs the short-lived assertion of the user that the upstream may verify instead of
 * trusting plain headers (the model is Pomerium's {@code X-Pomerium-Jwt-Assertion}), and
 * publishes the public key as a JWKS.
 * <p>
 * An RS256 signature costs about a millisecond of CPU, so an assertion is signed once and
 * reused for the caller's requests until {@link #RENEWAL_MARGIN} before it expires. The
 * cache is keyed by everything the assertion says and by the caller's token (hashed), so
 * it never hands one caller's assertion to another, nor an assertion of yesterday's
 * groups to a user whose groups changed. It is bounded ({@link #MAXIMUM_CACHED}
 * assertions) and needs Caffeine on the class path (the starter has it); without it every
 * request gets a freshly signed assertion.
 */
final class GatewayAssertions {

	/**
	 * How long before its expiry a cached assertion is replaced (at most half the
	 * lifetime), so the upstream always gets one with some validity left.
	 */
	static final Duration RENEWAL_MARGIN = Duration.ofSeconds(10);

	static final long MAXIMUM_CACHED = 10_000;

	private static final boolean CAFFEINE_PRESENT = ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
			GatewayAssertions.class.getClassLoader());

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final Duration lifetime;

	private final Duration reuse;

	private final String audience;

	private final Clock clock;

	private final Map<Asserted, Signed> cache;

	/**
	 * @param key the signing key, with its public half and {@code kid}
	 * @param audience the fixed {@code aud}, or {@code null} for the request's host
	 */
	GatewayAssertions(RSAKey key, Duration lifetime, String audience, Clock clock) {
		this.key = key;
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.lifetime = lifetime;
		Duration margin = (lifetime.compareTo(RENEWAL_MARGIN.multipliedBy(2)) < 0) ? lifetime.dividedBy(2)
				: RENEWAL_MARGIN;
		this.reuse = lifetime.minus(margin);
		this.audience = audience;
		this.clock = clock;
		this.cache = (CAFFEINE_PRESENT && !this.reuse.isNegative() && !this.reuse.isZero()) ? Cached.map(lifetime)
				: null;
	}

	/**
	 * @param token the caller's access token (a browser user's relayed one, a bearer
	 * caller's own), or the token the caller signed in with: a new token gets a new
	 * assertion
	 * @param issuer the gateway's base URL
	 * @param host the host the request was sent to, the default audience
	 * @return the signed assertion of the caller
	 */
	String assertionOf(CognitoAuthentication caller, String token, String issuer, String host) {
		Map<String, Object> claims = caller.getClaims();
		Asserted asserted = new Asserted(issuer, (this.audience != null) ? this.audience : host,
				(claims.get("sub") instanceof String sub) ? sub : null, caller.getUsername().orElse(null),
				(claims.get("email") instanceof String email) ? email : null, List.copyOf(caller.getGroups()),
				digest(token));
		Instant now = this.clock.instant();
		if (this.cache == null) {
			return sign(asserted, now).value();
		}
		Signed cached = this.cache.get(asserted);
		if (cached != null && now.isBefore(cached.renewAt()) && !now.isBefore(cached.issuedAt())) {
			return cached.value();
		}
		Signed signed = sign(asserted, now);
		this.cache.put(asserted, signed);
		return signed.value();
	}

	private Signed sign(Asserted asserted, Instant now) {
		JwtClaimsSet.Builder assertion = JwtClaimsSet.builder()
			.issuer(asserted.issuer())
			.audience(List.of(asserted.audience()))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.lifetime))
			.id(UUID.randomUUID().toString())
			.claim("groups", asserted.groups());
		if (asserted.sub() != null) {
			assertion.subject(asserted.sub());
		}
		if (asserted.username() != null) {
			assertion.claim("username", asserted.username());
		}
		if (asserted.email() != null) {
			assertion.claim("email", asserted.email());
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).type("JWT").build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, assertion.build())).getTokenValue();
		return new Signed(value, now, now.plus(this.reuse));
	}

	/**
	 * @return the public key set, as JSON members
	 */
	Map<String, Object> publicKeys() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject();
	}

	/**
	 * The token's SHA-256, so the cache holds no token and compares a short key.
	 */
	private static String digest(String token) {
		if (token == null) {
			return "";
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Everything an assertion says of the caller, and the token it was made for. */
	private record Asserted(String issuer, String audience, String sub, String username, String email,
			List<String> groups, String token) {
	}

	private record Signed(String value, Instant issuedAt, Instant renewAt) {
	}

	/** Loaded only with Caffeine on the class path. */
	private static final class Cached {

		static Map<Asserted, Signed> map(Duration lifetime) {
			return Caffeine.newBuilder()
				.maximumSize(MAXIMUM_CACHED)
				.expireAfterWrite(lifetime)
				.<Asserted, Signed>build()
				.asMap();
		}

	}

}
