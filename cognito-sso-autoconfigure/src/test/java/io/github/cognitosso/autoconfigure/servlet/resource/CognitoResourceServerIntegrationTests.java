package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
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
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a real application on a real port: valid Cognito tokens get through,
 * each of a corpus of bad tokens gets a 401 naming the check that failed, and nothing
 * produces a 500. One application context serves every case.
 */
@SpringBootTest(classes = ResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cognito.user-pool-id=" + TestTokens.POOL_ID, "cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.resource-server.accepted-client-ids=" + TestTokens.MACHINE_CLIENT_ID,
				// Tomcat's own 8KB header limit would answer an oversized token before
				// the starter sees it.
				"server.max-http-request-header-size=64KB" })
class CognitoResourceServerIntegrationTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

	private static final Pattern ERROR = Pattern.compile("error=\"([^\"]*)\"");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	private HttpResponse<String> send(String method, String path, List<String> authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (String value : authorization) {
			request.header("Authorization", value);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(String path, String token) {
		return send("GET", path, List.of("Bearer " + token));
	}

	private static String challenge(HttpResponse<String> response) {
		return response.headers().firstValue("WWW-Authenticate").orElse("");
	}

	private static String group(Pattern pattern, String header) {
		Matcher matcher = pattern.matcher(header);
		return matcher.find() ? matcher.group(1) : null;
	}

	// ---- protected resource metadata (RFC 9728) ----

	@Test
	void protectedResourceMetadataDescribesTheCognitoApiToAnonymousCallers() {
		HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", List.of());

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> metadata = JsonPath.read(response.body(), "$");
		assertThat(metadata).containsEntry("resource", "http://127.0.0.1:" + this.port)
			.containsEntry("authorization_servers", List.of(TestTokens.ISSUER))
			.containsEntry("bearer_methods_supported", List.of("header"))
			.containsEntry("tls_client_certificate_bound_access_tokens", false)
			.doesNotContainKey("scopes_supported");
	}

	// ---- accepted ----

	@Test
	void userAccessTokenIsAccepted() {
		HttpResponse<String> response = get("/api/hello", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
	}

	@Test
	void userAccessTokenGivesATypedViewOfTheCaller() {
		HttpResponse<String> response = get("/api/me", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> me = JsonPath.read(response.body(), "$");
		assertThat(me).containsEntry("name", "alice")
			.containsEntry("username", "alice")
			.containsEntry("groups", List.of("admin", "staff"))
			.containsEntry("scopes", List.of("openid", "email", "orders/read"))
			.containsEntry("clientId", TestTokens.CLIENT_ID)
			.containsEntry("tokenUse", "access")
			.containsEntry("machine", false);
	}

	@Test
	void machineTokenIsAcceptedAndNamedByItsClientId() {
		HttpResponse<String> response = get("/api/me", TestTokens.sign(TestTokens.machineAccessToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> me = JsonPath.read(response.body(), "$");
		assertThat(me).containsEntry("name", "client:" + TestTokens.MACHINE_CLIENT_ID)
			.containsEntry("username", null)
			.containsEntry("machine", true)
			.containsEntry("clientId", TestTokens.MACHINE_CLIENT_ID);
	}

	@Test
	void multiRegionIssuerIsAccepted() {
		String token = TestTokens.sign(TestTokens.userAccessToken().issuer(TestTokens.MULTI_REGION_ISSUER));
		assertThat(get("/api/hello", token).statusCode()).isEqualTo(200);
	}

	@Test
	void authenticationPrincipalIsStillTheJwt() {
		HttpResponse<String> response = get("/api/subject", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.body()).isEqualTo("f4a8c4e8-1d2b-4c3a-9e5f-0a1b2c3d4e5f");
	}

	@Test
	void cognitoGroupGrantsTheRole() {
		assertThat(get("/api/admin", TestTokens.sign(TestTokens.userAccessToken())).statusCode()).isEqualTo(200);
	}

	@Test
	void callerOutsideTheGroupIsForbiddenWithInsufficientScope() {
		String token = TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("cognito:groups", List.of("staff"))));
		HttpResponse<String> response = get("/api/admin", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(group(ERROR, challenge(response))).isEqualTo("insufficient_scope");
	}

	@Test
	void scopeGrantsTheScopeAuthority() {
		assertThat(get("/api/orders", TestTokens.sign(TestTokens.userAccessToken())).statusCode()).isEqualTo(200);
		assertThat(get("/api/orders", TestTokens.sign(TestTokens.machineAccessToken())).statusCode()).isEqualTo(200);
	}

	@Test
	void callerWithoutTheScopeIsForbiddenWithInsufficientScope() {
		String token = TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("scope", "openid email")));
		HttpResponse<String> response = get("/api/orders", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(group(ERROR, challenge(response))).isEqualTo("insufficient_scope");
	}

	@Test
	void methodSecurityCanTellMachinesFromUsers() {
		assertThat(get("/api/users-only", TestTokens.sign(TestTokens.userAccessToken())).statusCode()).isEqualTo(200);
		assertThat(get("/api/users-only", TestTokens.sign(TestTokens.machineAccessToken())).statusCode())
			.isEqualTo(403);
	}

	@Test
	void postWithABearerTokenNeedsNoCsrfToken() {
		HttpResponse<String> response = send("POST", "/api/orders",
				List.of("Bearer " + TestTokens.sign(TestTokens.userAccessToken())));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("created by alice");
	}

	@Test
	void postWithAMalformedBearerTokenIsUnauthorizedNotACsrfFailure() {
		HttpResponse<String> response = send("POST", "/api/orders", List.of("Bearer not a token"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(group(ERROR, challenge(response))).isEqualTo("invalid_token");
	}

	@Test
	void aSchemeThatOnlyStartsWithBearerIsAnsweredAsARequestWithoutToken() {
		HttpResponse<String> withoutHeader = send("GET", "/api/hello", List.of());
		HttpResponse<String> response = send("GET", "/api/hello", List.of("Bearerx abc"));
		assertThat(response.statusCode()).isEqualTo(withoutHeader.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).isEqualTo(challenge(withoutHeader)).doesNotContain("error=");
	}

	@Test
	void postWithASchemeThatOnlyStartsWithBearerIsNotExemptFromCsrf() {
		HttpResponse<String> withoutHeader = send("POST", "/api/orders", List.of());
		HttpResponse<String> response = send("POST", "/api/orders", List.of("Bearerx abc"));
		assertThat(response.statusCode()).isEqualTo(withoutHeader.statusCode()).isNotEqualTo(200);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.isEqualTo(withoutHeader.headers().firstValue("WWW-Authenticate"));
	}

	@Test
	void requestWithoutTokenIsUnauthorizedWithABareChallenge() {
		HttpResponse<String> response = send("GET", "/api/hello", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).startsWith("Bearer").doesNotContain("error=");
	}

	@Test
	void noSessionIsCreatedForAnApiWithoutBrowserLogin() {
		HttpResponse<String> refused = send("GET", "/api/hello", List.of());
		HttpResponse<String> accepted = get("/api/hello", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(accepted.headers().allValues("Set-Cookie")).isEmpty();
	}

	// ---- refused ----

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badTokenIsUnauthorizedWithTheFailedCheck(BadRequest bad) {
		HttpResponse<String> response = send("GET", "/api/hello", bad.authorization());
		assertThat(response.statusCode()).isEqualTo(401);
		String challenge = challenge(response);
		assertThat(challenge).startsWith("Bearer ");
		assertThat(group(ERROR, challenge)).isEqualTo(bad.error());
		assertThat(group(DESCRIPTION, challenge)).isEqualTo(bad.description());
		for (String value : bad.authorization()) {
			String token = value.replaceFirst("(?i)^bearer ?", "");
			if (token.length() > 8) {
				assertThat(challenge).doesNotContain(token);
			}
		}
		// Refusals are never cached: the same request is answered the same way again.
		HttpResponse<String> again = send("GET", "/api/hello", bad.authorization());
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(challenge(again)).isEqualTo(challenge);
	}

	@Test
	void variantsOfACachedTokenAreRefused() {
		String valid = TestTokens.sign(TestTokens.userAccessToken());
		assertThat(get("/api/hello", valid).statusCode()).isEqualTo(200);
		assertThat(get("/api/hello", valid).statusCode()).isEqualTo(200);
		String[] parts = valid.split("\\.");
		List<String> variants = List.of(TestTokens.withAlteredSignature(valid),
				parts[0] + "." + base64(
						TestTokens.userAccessToken().claim("cognito:groups", List.of("root")).build().toString()) + "."
						+ parts[2],
				valid.substring(0, valid.length() - 20));
		for (String variant : variants) {
			HttpResponse<String> response = get("/api/hello", variant);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(group(DESCRIPTION, challenge(response))).isEqualTo(SIGNATURE);
		}
	}

	@Test
	void otherSpellingsOfAValidTokenAreRefused() {
		List<String> spellings = TestTokens.respelled(TestTokens.userAccessToken());
		for (String spelling : spellings.subList(1, spellings.size())) {
			HttpResponse<String> response = get("/api/hello", spelling);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(group(ERROR, challenge(response))).isEqualTo("invalid_token");
			assertThat(group(DESCRIPTION, challenge(response))).isEqualTo(NOT_CANONICAL);
		}
		assertThat(get("/api/hello", spellings.get(0)).statusCode()).isEqualTo(200);
	}

	record BadRequest(String name, List<String> authorization, String error, String description) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static BadRequest bad(String name, String token, String description) {
		return new BadRequest(name, List.of("Bearer " + token), "invalid_token", description);
	}

	private static final String UNSIGNED = "Invalid algorithm: unsigned tokens (alg none) are not accepted";

	private static final String ALGORITHM = "Invalid algorithm: only RS256-signed tokens are accepted";

	private static final String SIGNATURE = "Invalid signature: the token's signature does not verify";

	private static final String UNKNOWN_KEY = "Unknown key: the token's kid is not a signing key of the user pool";

	private static final String MALFORMED = "Malformed: the token is not a JWT (three base64url parts, JSON header "
			+ "and payload)";

	private static final String NOT_CANONICAL = "Malformed: the token is not in canonical base64url (RFC 7515: "
			+ "unpadded, only A-Z a-z 0-9 - _, no stray bits in the last character of a part)";

	private static final String MALFORMED_PAYLOAD = "Malformed: the token's payload is not a JSON object of valid claims";

	private static final String MALFORMED_CLAIMS = "Malformed: a registered claim (iss, sub, aud, exp, nbf, iat) has "
			+ "the wrong type or value";

	private static final String WRONG_ISSUER = "Invalid issuer: the token's iss is not this user pool";

	private static final String ACCESS_ONLY = "Invalid token_use: only access tokens are accepted";

	private static final String WRONG_CLIENT = "Invalid client: the token's client_id is not an accepted app client";

	static Stream<BadRequest> badRequests() throws JOSEException {
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

	private static String base64(String json) {
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
