package io.github.cognitosso.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens shaped exactly like Cognito's (claims as in AWS's documentation), signed
 * by the simulator's current key, so tests exercise the application's real validation.
 * Obtain it from {@link CognitoSimulator#tokens()}.
 * <p>
 * Tokens are issued now, by the simulator's clock. {@link #expiredSince(Duration)} (or
 * {@link #expired()}) gives a helper whose tokens expired in the past:
 *
 * <pre class="code">
 * String token = cognito.tokens().expiredSince(Duration.ofMinutes(5)).accessToken(alice, "demo-client", "openid");
 * </pre>
 */
public final class CognitoTokens {

	/**
	 * Far beyond any sensible clock skew, so an {@link #expired()} token is refused
	 * whatever the skew.
	 */
	private static final Duration DEFAULT_EXPIRED_SINCE = Duration.ofHours(1);

	private final KeyRing keys;

	private final String issuer;

	private final Clock clock;

	private final Duration expiredSince;

	CognitoTokens(KeyRing keys, String issuer, Clock clock) {
		this(keys, issuer, clock, null);
	}

	private CognitoTokens(KeyRing keys, String issuer, Clock clock, Duration expiredSince) {
		this.keys = keys;
		this.issuer = issuer;
		this.clock = clock;
		this.expiredSince = expiredSince;
	}

	/**
	 * Like {@link #expiredSince(Duration)}, with tokens that expired an hour ago, far
	 * beyond the clock skew a resource server tolerates.
	 * @return a helper minting expired tokens
	 */
	public CognitoTokens expired() {
		return expiredSince(DEFAULT_EXPIRED_SINCE);
	}

	/**
	 * A helper whose tokens expired {@code since} ago: {@code exp} is
	 * {@code now - since}, and {@code iat} and {@code auth_time} lie one validity before
	 * it, as for a token Cognito issued back then. (Only moving {@code exp} would put it
	 * before {@code iat}, and a resource server rejects that token as malformed rather
	 * than expired.) Pick {@code since} larger than the clock skew of the application
	 * under test (60 seconds by default), or the token is still accepted.
	 * @param since how long ago the tokens expired, positive
	 * @return a helper minting expired tokens
	 */
	public CognitoTokens expiredSince(Duration since) {
		if (since == null || since.isNegative() || since.isZero()) {
			throw new IllegalArgumentException("expiredSince needs a positive duration, got " + since);
		}
		return new CognitoTokens(this.keys, this.issuer, this.clock, since);
	}

	/**
	 * @return a user's access token for the app client, with the given scopes (space
	 * separated in {@code scope})
	 */
	public String accessToken(SimulatedUser user, String clientId, String... scopes) {
		return accessToken(user, clientId, List.of(scopes), Duration.ofHours(1), (claims) -> {
		});
	}

	/**
	 * @param validity the token's lifetime ({@code exp - iat}), positive
	 * @param customizer adjusts the claims before signing (for otherwise special tokens;
	 * for expired ones use {@link #expiredSince(Duration)})
	 * @return a user's access token
	 */
	public String accessToken(SimulatedUser user, String clientId, List<String> scopes, Duration validity,
			Consumer<JWTClaimsSet.Builder> customizer) {
		Instant issuedAt = issuedAt(validity);
		String jti = UUID.randomUUID().toString();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub())
			.issuer(this.issuer)
			.claim("client_id", clientId)
			.claim("origin_jti", UUID.randomUUID().toString())
			.claim("event_id", UUID.randomUUID().toString())
			.claim("token_use", "access")
			.claim("scope", String.join(" ", scopes))
			.claim("auth_time", issuedAt.getEpochSecond())
			.expirationTime(Date.from(issuedAt.plus(validity)))
			.issueTime(Date.from(issuedAt))
			.jwtID(jti)
			.claim("username", user.username());
		if (!user.groups().isEmpty()) {
			claims.claim("cognito:groups", user.groups());
		}
		claims.claim("version", 2);
		customizer.accept(claims);
		return sign(claims.build());
	}

	/**
	 * @return a user's ID token for the app client ({@code aud}), with an optional
	 * {@code nonce}
	 */
	public String idToken(SimulatedUser user, String clientId, String nonce) {
		return idToken(user, clientId, nonce, null, Duration.ofHours(1), (claims) -> {
		});
	}

	/**
	 * @param accessToken the access token issued with it, for {@code at_hash}, or
	 * {@code null}
	 * @param validity the token's lifetime ({@code exp - iat}), positive
	 * @param customizer adjusts the claims before signing
	 * @return a user's ID token
	 */
	public String idToken(SimulatedUser user, String clientId, String nonce, String accessToken, Duration validity,
			Consumer<JWTClaimsSet.Builder> customizer) {
		Instant issuedAt = issuedAt(validity);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub());
		if (!user.groups().isEmpty()) {
			claims.claim("cognito:groups", user.groups());
		}
		claims.claim("email_verified", true)
			.issuer(this.issuer)
			.claim("cognito:username", user.username())
			.claim("origin_jti", UUID.randomUUID().toString())
			.audience(clientId)
			.claim("event_id", UUID.randomUUID().toString())
			.claim("token_use", "id")
			.claim("auth_time", issuedAt.getEpochSecond())
			.expirationTime(Date.from(issuedAt.plus(validity)))
			.issueTime(Date.from(issuedAt))
			.jwtID(UUID.randomUUID().toString());
		if (user.email() != null) {
			claims.claim("email", user.email());
		}
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		if (accessToken != null) {
			claims.claim("at_hash", atHash(accessToken));
		}
		user.attributes().forEach(claims::claim);
		customizer.accept(claims);
		return sign(claims.build());
	}

	/**
	 * @return a client credentials (machine) access token: {@code sub} is the client id,
	 * no {@code username}
	 */
	public String machineToken(String clientId, String... scopes) {
		return machineToken(clientId, List.of(scopes), Duration.ofHours(1), (claims) -> {
		});
	}

	/**
	 * @param validity the token's lifetime ({@code exp - iat}), positive
	 * @param customizer adjusts the claims before signing
	 * @return a machine access token with adjusted claims
	 */
	public String machineToken(String clientId, List<String> scopes, Duration validity,
			Consumer<JWTClaimsSet.Builder> customizer) {
		Instant issuedAt = issuedAt(validity);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(clientId)
			.claim("token_use", "access")
			.claim("scope", String.join(" ", scopes))
			.claim("auth_time", issuedAt.getEpochSecond())
			.issuer(this.issuer)
			.expirationTime(Date.from(issuedAt.plus(validity)))
			.issueTime(Date.from(issuedAt))
			.claim("version", 2)
			.jwtID(UUID.randomUUID().toString())
			.claim("client_id", clientId);
		customizer.accept(claims);
		return sign(claims.build());
	}

	/**
	 * @return the claims signed with the simulator's current key, with Cognito's header
	 * ({@code kid}, RS256)
	 */
	public String sign(JWTClaimsSet claims) {
		RSAKey key = this.keys.signingKey();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}

	/**
	 * When a token of the given lifetime was issued: now, or one lifetime before its
	 * expiry in the past.
	 */
	private Instant issuedAt(Duration validity) {
		if (validity == null || validity.isNegative() || validity.isZero()) {
			// exp at or before iat makes a token malformed, not expired: say how to build
			// an expired one.
			throw new IllegalArgumentException("The token validity must be positive, got " + validity
					+ "; for an expired token use tokens().expired() or tokens().expiredSince(Duration)");
		}
		Instant now = this.clock.instant();
		return (this.expiredSince != null) ? now.minus(this.expiredSince).minus(validity) : now;
	}

	/** The issuer written into every token. */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * OpenID Connect's at_hash: base64url of the left half of the SHA-256 of the access
	 * token.
	 */
	static String atHash(String accessToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
