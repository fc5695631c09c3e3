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
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus.BadRequest;
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
	void postWithASchemeThatOnlyStartsWithBearerIsAnsweredLikeAPostWithoutToken() {
		HttpResponse<String> withoutHeader = send("POST", "/api/orders", List.of());
		HttpResponse<String> response = send("POST", "/api/orders", List.of("Bearerx abc"));
		assertThat(response.statusCode()).isEqualTo(withoutHeader.statusCode()).isNotEqualTo(200);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.isEqualTo(withoutHeader.headers().firstValue("WWW-Authenticate"));
	}

	@Test
	void postWithoutTokenIsUnauthorizedNotACsrfFailure() {
		// An API without browser login has no CSRF filter: nothing a browser sends by
		// itself authenticates there, so a request without a token gets the challenge.
		HttpResponse<String> response = send("POST", "/api/orders", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).startsWith("Bearer").doesNotContain("error=");
	}

	@Test
	void anApiWithoutBrowserLoginHasNoLogoutEndpoint() {
		HttpResponse<String> response = send("POST", "/logout", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
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
	@MethodSource("io.github.cognitosso.autoconfigure.core.BadTokenCorpus#badRequests")
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
				parts[0] + "." + BadTokenCorpus
					.base64(TestTokens.userAccessToken().claim("cognito:groups", List.of("root")).build().toString())
						+ "." + parts[2],
				valid.substring(0, valid.length() - 20));
		for (String variant : variants) {
			HttpResponse<String> response = get("/api/hello", variant);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(group(DESCRIPTION, challenge(response))).isEqualTo(BadTokenCorpus.SIGNATURE);
		}
	}

	@Test
	void otherSpellingsOfAValidTokenAreRefused() {
		List<String> spellings = TestTokens.respelled(TestTokens.userAccessToken());
		for (String spelling : spellings.subList(1, spellings.size())) {
			HttpResponse<String> response = get("/api/hello", spelling);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(group(ERROR, challenge(response))).isEqualTo("invalid_token");
			assertThat(group(DESCRIPTION, challenge(response))).isEqualTo(BadTokenCorpus.NOT_CANONICAL);
		}
		assertThat(get("/api/hello", spellings.get(0)).statusCode()).isEqualTo(200);
	}

}
