package io.github.cognitosso.usage;

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
 * How a user tests their own API with cognito-sso-test: one annotation, then tokens
 * minted for the simulated pool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@EnableCognitoSimulator
class OrdersApplicationTests {

	@Autowired
	private CognitoSimulator cognito;

	@LocalServerPort
	private int port;

	@Test
	void tokenWithTheOrdersScopeReadsOrders() throws Exception {
		String token = this.cognito.tokens()
			.accessToken(this.cognito.user("bob"), "demo-client", "openid", "orders/read");
		HttpResponse<String> response = get(token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[\"order-1\",\"order-2\"]");
	}

	@Test
	void tokenWithoutTheScopeIsForbidden() throws Exception {
		String token = this.cognito.tokens().accessToken(this.cognito.user("bob"), "demo-client", "openid");
		assertThat(get(token).statusCode()).isEqualTo(403);
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		String token = this.cognito.tokens()
			.expired()
			.accessToken(this.cognito.user("alice"), "demo-client", "orders/read");
		HttpResponse<String> response = get(token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("Expired"));
	}

	@Test
	void tokenOfAnotherAppClientIsRefused() throws Exception {
		String token = this.cognito.tokens().accessToken(this.cognito.user("alice"), "someone-else", "orders/read");
		assertThat(get(token).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/orders"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
