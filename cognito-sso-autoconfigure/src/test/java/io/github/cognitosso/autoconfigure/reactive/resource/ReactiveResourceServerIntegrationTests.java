package io.github.cognitosso.autoconfigure.reactive.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus.BadRequest;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a real WebFlux application on a real Netty port, with no security
 * configuration of its own: valid Cognito tokens get through, and the bad-token corpus
 * the servlet resource server is tested with ({@link BadTokenCorpus}) gets the same
 * status, error and description here.
 */
@SpringBootTest(classes = ReactiveResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.resource-server.accepted-client-ids=" + TestTokens.MACHINE_CLIENT_ID,
				// Netty's own 8KB header limit would answer an oversized token before
				// the starter sees it.
				"server.max-http-request-header-size=64KB",
				// A loaded build machine: the first key fetch may take longer than 2 s.
				"cognito.resource-server.jwks.read-timeout=10s" })
class ReactiveResourceServerIntegrationTests {

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
			.containsEntry("machine", true);
	}

	@Test
	void authenticationPrincipalIsStillTheJwt() {
		HttpResponse<String> response = get("/api/subject", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.body()).isEqualTo("f4a8c4e8-1d2b-4c3a-9e5f-0a1b2c3d4e5f");
	}

	@Test
	void cognitoGroupGrantsTheRoleOnAReactiveMethod() {
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
	void callerWithoutTheScopeIsForbiddenWithInsufficientScope() {
		String token = TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("scope", "openid email")));
		HttpResponse<String> response = get("/api/orders", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(group(ERROR, challenge(response))).isEqualTo("insufficient_scope");
		assertThat(get("/api/orders", TestTokens.sign(TestTokens.machineAccessToken())).statusCode()).isEqualTo(200);
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
	void postWithoutTokenIsUnauthorizedNotACsrfFailure() {
		// An API without browser login has no CSRF filter: nothing a browser sends by
		// itself authenticates there, so a request without a token gets the challenge.
		HttpResponse<String> response = send("POST", "/api/orders", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).isEqualTo("Bearer");
	}

	@Test
	void anApiWithoutBrowserLoginHasNoLogoutEndpoint() {
		HttpResponse<String> response = send("POST", "/logout", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void aSchemeThatOnlyStartsWithBearerIsAnsweredAsARequestWithoutToken() {
		HttpResponse<String> withoutHeader = send("GET", "/api/hello", List.of());
		HttpResponse<String> response = send("GET", "/api/hello", List.of("Bearerx abc"));
		assertThat(response.statusCode()).isEqualTo(withoutHeader.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).isEqualTo(challenge(withoutHeader)).doesNotContain("error=");
	}

	@Test
	void requestWithoutTokenIsUnauthorizedWithABearerChallengeAndTheServletBody() {
		HttpResponse<String> response = send("GET", "/api/hello", List.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(challenge(response)).isEqualTo("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"status\":401,\"error\":\"unauthorized\",\"error_description\":"
				+ "\"Send a Cognito access token in the Authorization header: Bearer <token>\"}");
	}

	@Test
	void noSessionIsCreatedForAnApiWithoutBrowserLogin() {
		HttpResponse<String> refused = send("GET", "/api/hello", List.of());
		HttpResponse<String> accepted = get("/api/hello", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(accepted.headers().allValues("Set-Cookie")).isEmpty();
	}

	// ---- refused: the servlet corpus ----

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.cognitosso.autoconfigure.core.BadTokenCorpus#badRequests")
	void badTokenIsUnauthorizedWithTheFailedCheck(BadRequest bad) {
		HttpResponse<String> response = send("GET", "/api/hello", bad.authorization());
		assertThat(response.statusCode()).isEqualTo(401);
		String challenge = challenge(response);
		assertThat(challenge).startsWith("Bearer ");
		assertThat(group(ERROR, challenge)).isEqualTo(bad.error());
		assertThat(group(DESCRIPTION, challenge)).isEqualTo(bad.description());
		assertThat(response.body()).isEqualTo("{\"status\":401,\"error\":\"" + bad.error()
				+ "\",\"error_description\":\"" + bad.description() + "\"}");
		HttpResponse<String> again = send("GET", "/api/hello", bad.authorization());
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(challenge(again)).isEqualTo(challenge);
	}

	@Test
	void otherSpellingsOfAValidTokenAreRefused() {
		List<String> spellings = TestTokens.respelled(TestTokens.userAccessToken());
		for (String spelling : spellings.subList(1, spellings.size())) {
			HttpResponse<String> response = get("/api/hello", spelling);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(group(DESCRIPTION, challenge(response))).isEqualTo(BadTokenCorpus.NOT_CANONICAL);
		}
		assertThat(get("/api/hello", spellings.get(0)).statusCode()).isEqualTo(200);
	}

}
