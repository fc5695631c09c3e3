package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens shaped like Cognito's, signed with RSA keys generated once per test run
 * (Nimbus does the JOSE work).
 */
public final class TestTokens {

	public static final String REGION = "us-east-2";

	public static final String POOL_ID = "us-east-2_TestPool1";

	public static final String ISSUER = "https://cognito-idp.us-east-2.amazonaws.com/" + POOL_ID;

	public static final String MULTI_REGION_ISSUER = "https://issuer-cognito-idp.us-east-2.amazonaws.com/" + POOL_ID;

	public static final String CLIENT_ID = "2or4cs8bjo1lkbq6143tqp6ist";

	public static final String OTHER_CLIENT_ID = "7a1pd0c3v5snq1oe4d4bkjqz0m";

	public static final String MACHINE_CLIENT_ID = "1nh91q0q1bgimb7pc79uh2btqe";

	/** The pool's signing key, published in the test JWKS. */
	public static final RSAKey POOL_KEY = generate("pool-key-1");

	/** A second pool key, published only after a "rotation". */
	public static final RSAKey ROTATED_KEY = generate("pool-key-2");

	/** A key the pool never published. */
	public static final RSAKey FOREIGN_KEY = generate("foreign-key");

	private TestTokens() {
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return a JWKS document publishing the public halves of the keys
	 */
	public static String jwks(RSAKey... keys) {
		return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
	}

	/**
	 * Claims of a user's access token as Cognito issues it, valid for an hour from now.
	 */
	public static JWTClaimsSet.Builder userAccessToken() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject("f4a8c4e8-1d2b-4c3a-9e5f-0a1b2c3d4e5f")
			.issuer(ISSUER)
			.claim("client_id", CLIENT_ID)
			.claim("token_use", "access")
			.claim("scope", "openid email orders/read")
			.claim("auth_time", now.getEpochSecond())
			.claim("cognito:groups", List.of("admin", "staff"))
			.claim("username", "alice")
			.claim("version", 2)
			.claim("event_id", UUID.randomUUID().toString())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)));
	}

	/**
	 * Claims of a client-credentials token: {@code sub} = {@code client_id}, no username,
	 * custom scopes.
	 */
	public static JWTClaimsSet.Builder machineAccessToken() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(MACHINE_CLIENT_ID)
			.issuer(ISSUER)
			.claim("client_id", MACHINE_CLIENT_ID)
			.claim("token_use", "access")
			.claim("scope", "orders/read orders/write")
			.claim("auth_time", now.getEpochSecond())
			.claim("version", 2)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)));
	}

	/** Claims of a user's ID token: {@code aud} is the app client. */
	public static JWTClaimsSet.Builder idToken() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject("f4a8c4e8-1d2b-4c3a-9e5f-0a1b2c3d4e5f")
			.issuer(ISSUER)
			.audience(CLIENT_ID)
			.claim("token_use", "id")
			.claim("auth_time", now.getEpochSecond())
			.claim("cognito:username", "alice")
			.claim("cognito:groups", List.of("admin"))
			.claim("email", "alice@example.com")
			.claim("email_verified", true)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)));
	}

	public static JWTClaimsSet.Builder userAccessToken(Consumer<JWTClaimsSet.Builder> changes) {
		JWTClaimsSet.Builder builder = userAccessToken();
		changes.accept(builder);
		return builder;
	}

	public static String sign(JWTClaimsSet.Builder claims) {
		return sign(POOL_KEY, claims);
	}

	public static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
		return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
	}

	public static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Same header and claims, one signature character in the middle changed (the last one
	 * may only carry padding bits, which base64url decoders ignore).
	 */
	public static String withAlteredSignature(String token) {
		int middle = token.lastIndexOf('.') + (token.length() - token.lastIndexOf('.')) / 2;
		char altered = (token.charAt(middle) == 'A') ? 'B' : 'A';
		return token.substring(0, middle) + altered + token.substring(middle + 1);
	}

	/**
	 * A valid token whose signature holds a {@code -} or an {@code _} (so it can be
	 * spelled with {@code +} or {@code /}), and other spellings of it that Nimbus'
	 * lenient base64 decoder reads as the same signature: padded, with a character
	 * outside the alphabet, with {@code +} or {@code /}, with stray bits in the last
	 * character.
	 * @return the canonical token first, then its other spellings
	 */
	public static List<String> respelled(JWTClaimsSet.Builder claims) {
		String token = sign(claims);
		int signature = token.lastIndexOf('.') + 1;
		while (token.indexOf('-', signature) < 0 && token.indexOf('_', signature) < 0) {
			// RS256 signatures are deterministic: another jti gives another signature.
			token = sign(claims.jwtID(UUID.randomUUID().toString()));
			signature = token.lastIndexOf('.') + 1;
		}
		int dash = token.indexOf('-', signature);
		String standardAlphabet = (dash >= 0) ? token.substring(0, dash) + '+' + token.substring(dash + 1)
				: token.replaceFirst("_(?=[^.]*$)", "/");
		int middle = signature + (token.length() - signature) / 2;
		String strayCharacter = token.substring(0, middle) + '~' + token.substring(middle);
		// A 2048-bit signature is 342 characters: the last one carries 2 bits of the last
		// byte and 4 unused bits.
		char last = token.charAt(token.length() - 1);
		String strayBits = token.substring(0, token.length() - 1) + (char) (last + 1);
		return List.of(token, token + "==", strayCharacter, standardAlphabet, strayBits);
	}

	/** Signs an arbitrary payload (not necessarily a JSON object) with the pool key. */
	public static String signPayload(String payload) {
		try {
			JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(POOL_KEY.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), new Payload(payload));
			jws.sign(new RSASSASigner(POOL_KEY));
			return jws.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
