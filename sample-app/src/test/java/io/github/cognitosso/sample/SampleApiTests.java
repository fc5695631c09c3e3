package io.github.cognitosso.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's API over real HTTP with tokens from the simulated pool: users by group,
 * machines by client id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cognito.resource-server.accepted-client-ids=demo-machine" })
@EnableCognitoSimulator
class SampleApiTests {

	@Autowired
	private CognitoSimulator cognito;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void userTokenGetsAPersonalGreeting() throws Exception {
		HttpResponse<String> response = get("/api/hello", userToken("alice"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"caller\":\"alice\"")
			.contains("\"machine\":false")
			.contains("\"groups\":[\"admin\"]");
	}

	@Test
	void machineTokenIsAcceptedAndNamedByItsClientId() throws Exception {
		String token = this.cognito.tokens().machineToken("demo-machine", "demo-api/read");
		HttpResponse<String> response = get("/api/hello", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"caller\":\"client:demo-machine\"").contains("\"machine\":true");
	}

	@Test
	void adminApiNeedsGroupAdmin() throws Exception {
		assertThat(get("/api/admin", userToken("alice")).statusCode()).isEqualTo(200);
		HttpResponse<String> bob = get("/api/admin", userToken("bob"));
		assertThat(bob.statusCode()).isEqualTo(403);
	}

	@Test
	void apiWithoutTokenIsUnauthorizedNotRedirected() throws Exception {
		HttpResponse<String> response = get("/api/hello", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void idTokenIsRefusedByTheApi() throws Exception {
		String idToken = this.cognito.tokens().idToken(this.cognito.user("alice"), "demo-client", null);
		HttpResponse<String> response = get("/api/hello", idToken);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("error=\"invalid_token\"").contains("token_use"));
	}

	private String userToken(String username) {
		return this.cognito.tokens().accessToken(this.cognito.user(username), "demo-client", "openid", "email");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
