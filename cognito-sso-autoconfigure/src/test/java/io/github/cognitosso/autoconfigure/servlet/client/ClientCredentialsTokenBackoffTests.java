package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * During an outage of Cognito's token endpoint, calls fail fast with the last error for a
 * bounded, growing back-off (1 s doubling to 30 s by default, minus up to half at random)
 * instead of each sending a token request; the clock is the test's, so no test waits.
 */
class ClientCredentialsTokenBackoffTests extends ClientCredentialsWireMockSupport {

	@Test
	void outageOfTheTokenEndpointCostsOneTokenRequestForAHundredCallsWithinTheBackoff() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(503)));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			CognitoTokenException first = catchThrowableOfType(CognitoTokenException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
			for (int i = 1; i < 100; i++) {
				CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
						() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
				assertThat(ex.errorCode()).isEqualTo(CognitoTokenException.SERVER_ERROR);
				assertThat(ex.httpStatus()).hasValue(503);
				assertThat(ex).hasMessageStartingWith(first.getMessage())
					.hasMessageContaining("Back-off")
					.hasMessageContaining("failed fast")
					.hasCause(first);
			}
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(0), anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void hundredCallsOneSecondApartDuringAnOutageCostAtMostTenTokenRequests() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 400)));
		runner().run((context) -> {
			CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
			for (int i = 0; i < 100; i++) {
				CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class, m2m::accessToken);
				assertThat(ex.errorCode()).isEqualTo("invalid_client");
				this.clock.advance(Duration.ofSeconds(1));
			}
			// Back-offs of 1, 2, 4, 8, 16, 30, 30... s ask at t = 0, 1, 3, 7, 15, 31, 61,
			// 91: 8 requests. The
			// shortest jitter leaves just over half of each (0.5, 1, 2, 4, 8, 15, 15...
			// s): t = 0, 1, 3, 6, 11, 20,
			// 36, 52, 68, 84: 10 requests.
			int requests = cognito.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
			assertThat(requests).isBetween(8, 10);
		});
	}

	@Test
	void recoveredTokenEndpointServesCallsOnceTheBackoffHasPassedAndSuccessResetsIt() {
		cognito.stubFor(post(TOKEN_PATH).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("still down"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("outage")
			.whenScenarioStateIs("still down")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("recovered"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("outage")
			.whenScenarioStateIs("recovered")
			.willReturn(tokenResponse("token-1", 120))
			.willSetStateTo("down again"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("outage")
			.whenScenarioStateIs("down again")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("back"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(tokenResponse("token-2", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			failsWith(orders, CognitoTokenException.SERVER_ERROR);
			failsWith(orders, CognitoTokenException.SERVER_ERROR);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			this.clock.advance(Duration.ofSeconds(1));
			// Second failure in a row: a back-off of up to 2 s.
			failsWith(orders, CognitoTokenException.SERVER_ERROR);
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			cognito.verify(exactly(3), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			// token-1 lives 120 s, replaced 60 s before its end: the next request fails,
			// and the back-off starts
			// again at up to 1 s rather than 4 s.
			this.clock.advance(Duration.ofSeconds(61));
			failsWith(orders, CognitoTokenException.SERVER_ERROR);
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			cognito.verify(exactly(5), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void backoffShorterThanOneHundredMillisecondsFailsAtStartUp() {
		runner().withPropertyValues("cognito.client-credentials.token-failure-backoff=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.client-credentials.token-failure-backoff");
		});
	}

	@Test
	void maximumBackoffShorterThanTheFirstFailsAtStartUp() {
		runner()
			.withPropertyValues("cognito.client-credentials.clients.inventory.token-failure-backoff=10s",
					"cognito.client-credentials.clients.inventory.token-failure-backoff-max=5s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(CognitoConfigurationException.class)
					.hasMessageContaining("cognito.client-credentials.clients.inventory.token-failure-backoff-max");
			});
	}

	private static void failsWith(RestClient orders, String errorCode) {
		CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
				() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
		assertThat(ex).isNotNull();
		assertThat(ex.errorCode()).isEqualTo(errorCode);
	}

}
