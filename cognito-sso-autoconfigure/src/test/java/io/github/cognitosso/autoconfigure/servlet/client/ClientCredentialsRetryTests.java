package io.github.cognitosso.autoconfigure.servlet.client;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClientCredentialsRetryTests extends ClientCredentialsWireMockSupport {

	/** What a Spring Security resource server answers for an expired JWT. */
	private static final String EXPIRED = "Bearer error=\"invalid_token\", "
			+ "error_description=\"An error occurred while attempting to decode the Jwt: Jwt expired at "
			+ "2026-01-01T00:00:00Z\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

	@BeforeEach
	void cognitoIssuesANewTokenEachTime() {
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(tokenResponse("token-1", 3600))
			.willSetStateTo("2"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs("2")
			.willReturn(tokenResponse("token-2", 3600))
			.willSetStateTo("3"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs("3")
			.willReturn(tokenResponse("token-3", 3600)));
	}

	@Test
	void tokenTheApiRejectsAsExpiredIsRenewedOnceAndTheCallRetriedOnce() {
		api.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", EXPIRED)));
		api.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("[]")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
			api.verify(exactly(2),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void retrySendsTheRequestBodyAgain() {
		api.stubFor(post("/orders").withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", EXPIRED)));
		api.stubFor(post("/orders").withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(aResponse().withStatus(201)));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			HttpStatus status = HttpStatus.valueOf(orders.post()
				.uri("/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"item\":\"book\"}")
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value());
			assertThat(status).isEqualTo(HttpStatus.CREATED);
			api.verify(exactly(2),
					postRequestedFor(urlEqualTo("/orders")).withRequestBody(equalToJson("{\"item\":\"book\"}")));
		});
	}

	@Test
	void apiThatRejectsEveryTokenCostsOneRenewalOnly() {
		api.stubFor(get("/orders").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", EXPIRED)));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			for (int i = 0; i < 5; i++) {
				HttpClientErrorException ex = catchThrowableOfType(HttpClientErrorException.class,
						() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			// The first call and its retry, then one attempt per call with the renewed
			// token.
			api.verify(exactly(6), getRequestedFor(urlEqualTo("/orders")));
		});
	}

	@Test
	void unauthorizedWithoutAnInvalidTokenChallengeIsNotRetried() {
		api.stubFor(get("/orders").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			HttpClientErrorException ex = catchThrowableOfType(HttpClientErrorException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
			assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")));
		});
	}

	@Test
	void forbiddenForMissingScopeIsNotRetried() {
		api.stubFor(get("/orders").willReturn(aResponse().withStatus(403)
			.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"orders-api/admin\"")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			HttpClientErrorException ex = catchThrowableOfType(HttpClientErrorException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
			assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")));
		});
	}

}
