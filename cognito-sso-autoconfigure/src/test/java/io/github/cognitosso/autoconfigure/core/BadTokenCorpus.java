package io.github.cognitosso.autoconfigure.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * The one table of bad bearer requests and the answer each must get (401, the error code
 * and the {@code error_description} naming the failed check), run against the servlet and
 * the WebFlux resource server alike: a token gets the same verdict on both stacks. The
 * tokens are signed for {@link TestTokens}' pool, accepting {@link TestTokens#CLIENT_ID}
 * and {@link TestTokens#MACHINE_CLIENT_ID}, with the default 16 KB size limit.
 */
public final class BadTokenCorpus {

	private BadTokenCorpus() {
	}

	public record BadRequest(String name, List<String> authorization, String error, String description) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static BadRequest bad(String name, String token, String description) {
		return new BadRequest(name, List.of("Bearer " + token), "invalid_token", description);
	}

	public static final String UNSIGNED = "Invalid algorithm: unsigned tokens (alg none) are not accepted";

	public static final String ALGORITHM = "Invalid algorithm: only RS256-signed tokens are accepted";

	public static final String SIGNATURE = "Invalid signature: the token's signature does not verify";

	public static final String UNKNOWN_KEY = "Unknown key: the token's kid is not a signing key of the user pool";

	public static final String MALFORMED = "Malformed: the token is not a JWT (three base64url parts, JSON header "
			+ "and payload)";

	public static final String NOT_CANONICAL = "Malformed: the token is not in canonical base64url (RFC 7515: "
			+ "unpadded, only A-Z a-z 0-9 - _, no stray bits in the last character of a part)";

	public static final String MALFORMED_PAYLOAD = "Malformed: the token's payload is not a JSON object of valid claims";

	public static final String MALFORMED_CLAIMS = "Malformed: a registered claim (iss, sub, aud, exp, nbf, iat) has "
			+ "the wrong type or value";

	public static final String WRONG_ISSUER = "Invalid issuer: the token's iss is not this user pool";

	public static final String ACCESS_ONLY = "Invalid token_use: only access tokens are accepted";

	public static final String WRONG_CLIENT = "Invalid client: the token's client_id is not an accepted app client";

	public static Stream<BadRequest> badRequests() throws JOSEException {
		JWTClaimsSet claims = TestTokens.userAccessToken().build();
		String valid = TestTokens.sign(TestTokens.userAccessToken());
		String[] parts = valid.split("\\.");
		Instant now = Instant.now();
		return Stream.of(bad("alg none", new PlainJWT(claims).serialize(), UNSIGNED),
				bad("HS256 signed with the public key (algorithm confusion)", hs256WithPublicKey(claims), ALGORITHM),
				bad("RS512 signed with the pool key", signed(JWSAlgorithm.RS512, "pool-key-1", claims), ALGORITHM),
				bad("PS256 signed with the pool key", signed(JWSAlgorithm.PS256, "pool-key-1", claims), ALGORITHM),
				bad("foreign key posing as the pool key",
						TestTokens.sign(TestTokens.FOREIGN_KEY,
								new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key-1").build(), claims),
						SIGNATURE),
				bad("foreign key with its own kid",
						TestTokens.sign(TestTokens.FOREIGN_KEY, TestTokens.userAccessToken()), UNKNOWN_KEY),
				bad("unknown kid", signed(JWSAlgorithm.RS256, "no-such-key", claims), UNKNOWN_KEY),
				bad("foreign key without kid",
						TestTokens.sign(TestTokens.FOREIGN_KEY, new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
								claims),
						SIGNATURE),
				bad("tampered payload",
						parts[0] + "."
								+ base64(TestTokens.userAccessToken()
									.claim("cognito:groups", List.of("admin", "root"))
									.build()
									.toString())
								+ "." + parts[2],
						SIGNATURE),
				bad("tampered header",
						base64("{\"kid\":\"pool-key-1\",\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "."
								+ parts[2],
						SIGNATURE),
				bad("truncated signature", valid.substring(0, valid.length() - 20), SIGNATURE),
				bad("truncated to two parts", parts[0] + "." + parts[1], MALFORMED),
				bad("header not JSON", base64("hello") + "." + parts[1] + "." + parts[2], MALFORMED),
				bad("payload not JSON", TestTokens.signPayload("not json at all"), MALFORMED_PAYLOAD),
				bad("payload a JSON array", TestTokens.signPayload("[\"sub\",\"alice\"]"), MALFORMED_PAYLOAD),
				bad("encrypted token (JWE)", encrypted(claims),
						"Invalid algorithm: encrypted tokens (JWE) are not accepted"),
				bad("issuer of another pool",
						TestTokens.sign(TestTokens.userAccessToken()
							.issuer("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_OtherPool")),
						WRONG_ISSUER),
				bad("issuer in another region",
						TestTokens.sign(TestTokens.userAccessToken()
							.issuer("https://cognito-idp.eu-west-1.amazonaws.com/" + TestTokens.POOL_ID)),
						WRONG_ISSUER),
				bad("issuer with a trailing slash",
						TestTokens.sign(TestTokens.userAccessToken().issuer(TestTokens.ISSUER + "/")), WRONG_ISSUER),
				bad("issuer over http",
						TestTokens
							.sign(TestTokens.userAccessToken().issuer(TestTokens.ISSUER.replace("https:", "http:"))),
						WRONG_ISSUER),
				bad("no issuer", TestTokens.sign(TestTokens.userAccessToken().issuer(null)),
						"Invalid issuer: the token has no iss claim"),
				bad("expired beyond the clock skew",
						TestTokens.sign(TestTokens.userAccessToken()
							.issueTime(Date.from(now.minusSeconds(7200)))
							.expirationTime(Date.from(now.minusSeconds(120)))),
						"Expired: the token's exp is in the past"),
				bad("nbf in the future",
						TestTokens.sign(TestTokens.userAccessToken().notBeforeTime(Date.from(now.plusSeconds(600)))),
						"Not yet valid: the token's nbf is in the future"),
				bad("iat in the future",
						TestTokens.sign(TestTokens.userAccessToken()
							.issueTime(Date.from(now.plusSeconds(600)))
							.expirationTime(Date.from(now.plusSeconds(4200)))),
						"Not yet valid: the token's iat is in the future"),
				bad("no exp", TestTokens.sign(TestTokens.userAccessToken().expirationTime(null)),
						"Expired: the token has no exp claim"),
				bad("exp a string", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("exp", "tomorrow"))),
						MALFORMED_PAYLOAD),
				bad("exp before iat",
						TestTokens.sign(TestTokens.userAccessToken()
							.issueTime(Date.from(now.plusSeconds(30)))
							.expirationTime(Date.from(now.plusSeconds(20)))),
						MALFORMED_CLAIMS),
				bad("empty claim set", TestTokens.sign(new JWTClaimsSet.Builder()), MALFORMED_CLAIMS),
				bad("ID token where access tokens are required", TestTokens.sign(TestTokens.idToken()), ACCESS_ONLY),
				bad("ID token for another app client",
						TestTokens.sign(TestTokens.idToken().audience(TestTokens.OTHER_CLIENT_ID)), ACCESS_ONLY),
				bad("no token_use", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("token_use", null))),
						"Invalid token_use: the token has no token_use claim"),
				bad("token_use refresh",
						TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("token_use", "refresh"))),
						ACCESS_ONLY),
				bad("token_use a number", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("token_use", 1))),
						ACCESS_ONLY),
				bad("client_id of another app client",
						TestTokens
							.sign(TestTokens.userAccessToken((c) -> c.claim("client_id", TestTokens.OTHER_CLIENT_ID))),
						WRONG_CLIENT),
				bad("no client_id", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("client_id", null))),
						"Invalid client: the access token has no client_id claim"),
				bad("client_id a number", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("client_id", 42))),
						WRONG_CLIENT),
				bad("oversized token",
						TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("padding", "x".repeat(20_000)))),
						"Too large: the token is longer than 16384 characters"),
				bad("scope an array",
						TestTokens.sign(
								TestTokens.userAccessToken((c) -> c.claim("scope", List.of("openid", "orders/read")))),
						"Malformed: The scope claim must be a space-separated string"),
				bad("cognito:groups a string",
						TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("cognito:groups", "admin"))),
						"Malformed: The cognito:groups claim must be an array of strings"),
				bad("cognito:groups of numbers",
						TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("cognito:groups", List.of(1, 2)))),
						"Malformed: The cognito:groups claim must be an array of strings"),
				bad("characters outside base64url", "e30.%%%.e30", "Bearer token is malformed"),
				new BadRequest("empty bearer value", List.of("Bearer "), "invalid_token", "Bearer token is malformed"),
				new BadRequest("bearer scheme without a value", List.of("Bearer"), "invalid_token",
						"Bearer token is malformed"),
				new BadRequest("two Authorization headers", List.of("Bearer " + valid, "Bearer " + valid),
						"invalid_request", "Invalid request: the request has more than one Authorization header"));
	}

	public static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String signed(JWSAlgorithm algorithm, String kid, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
		jwt.sign(new RSASSASigner(TestTokens.POOL_KEY));
		return jwt.serialize();
	}

	/**
	 * The classic attack: HMAC keyed with the (public) RSA key, hoping the server
	 * verifies with it.
	 */
	private static String hs256WithPublicKey(JWTClaimsSet claims) throws JOSEException {
		byte[] publicKey = TestTokens.POOL_KEY.toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("pool-key-1").build(), claims);
		jwt.sign(new MACSigner(publicKey));
		return jwt.serialize();
	}

	private static String encrypted(JWTClaimsSet claims) throws JOSEException {
		EncryptedJWT jwt = new EncryptedJWT(
				new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).keyID("pool-key-1").build(),
				claims);
		jwt.encrypt(new RSAEncrypter(TestTokens.POOL_KEY.toRSAPublicKey()));
		return jwt.serialize();
	}

}
