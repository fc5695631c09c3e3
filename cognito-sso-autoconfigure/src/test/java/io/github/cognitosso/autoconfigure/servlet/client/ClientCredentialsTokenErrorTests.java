package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ClientCredentialsTokenErrorTests extends ClientCredentialsWireMockSupport {

	static Stream<Arguments> tokenEndpointFailures() {
		return Stream.of(
				Arguments.of("invalid_client on 400", jsonResponse("{\"error\":\"invalid_client\"}", 400),
						"invalid_client", 400),
				// Spring Security's own error handler reads no error code from a 401.
				Arguments.of("invalid_client on 401", jsonResponse("{\"error\":\"invalid_client\"}", 401),
						"invalid_client", 401),
				Arguments.of("invalid_scope", jsonResponse("{\"error\":\"invalid_scope\"}", 400), "invalid_scope", 400),
				Arguments.of("unauthorized_client", jsonResponse("{\"error\":\"unauthorized_client\"}", 400),
						"unauthorized_client", 400),
				Arguments.of("5xx with an OAuth error", jsonResponse("{\"error\":\"internal_error\"}", 500),
						"internal_error", 500),
				Arguments.of("5xx without a body Cognito wrote",
						aResponse().withStatus(503)
							.withHeader("Content-Type", "text/html")
							.withBody("<html>Service Unavailable</html>"),
						CognitoTokenException.SERVER_ERROR, 503),
				Arguments.of("malformed JSON", okJson("{\"access_token\":\"tok"),
						CognitoTokenException.INVALID_TOKEN_RESPONSE, null),
				Arguments.of("JSON without an access token", okJson("{\"expires_in\":3600,\"token_type\":\"Bearer\"}"),
						CognitoTokenException.INVALID_TOKEN_RESPONSE, null),
				Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
						CognitoTokenException.IO_ERROR, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tokenEndpointFailures")
	void tokenEndpointFailureBecomesOneExceptionNamingClientAndErrorCode(String scenario,
			ResponseDefinitionBuilder response, String errorCode, Integer httpStatus) {
		cognito.stubFor(post(TOKEN_PATH).willReturn(response));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
			assertThat(ex).as(scenario).isNotNull();
			assertThat(ex.clientName()).isEqualTo("default");
			assertThat(ex.errorCode()).isEqualTo(errorCode);
			if (httpStatus != null) {
				assertThat(ex.httpStatus()).hasValue(httpStatus);
			}
			else {
				assertThat(ex.httpStatus()).isEmpty();
			}
			assertThat(ex).hasMessageContaining("Cognito M2M client 'default'")
				.hasMessageContaining(CLIENT_ID)
				.hasMessageContaining(errorCode);
			assertThat(ex).isInstanceOf(RestClientException.class);
			assertNoSecretAnywhere(ex);
			api.verify(exactly(0), anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void tokenEndpointThatDoesNotAnswerWithinTheReadTimeoutGivesTimeout() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("late", 3600).withTransformers(HELD.getName())));
		HELD.hold();
		try {
			runner().withPropertyValues("cognito.client-credentials.token-read-timeout=1s").run((context) -> {
				CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
						() -> context.getBean(CognitoClientCredentials.class).accessToken());
				assertThat(ex.clientName()).isEqualTo("default");
				assertThat(ex.errorCode()).isEqualTo(CognitoTokenException.TIMEOUT);
				assertThat(ex.httpStatus()).isEmpty();
				assertThat(ex).hasMessageContaining("cognito.client-credentials.token-read-timeout (1000 ms)");
				assertNoSecretAnywhere(ex);
			});
		}
		finally {
			HELD.release();
		}
	}

	@Test
	void namedClientErrorNamesThatClientAndItsProperties() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(jsonResponse("{\"error\":\"invalid_scope\"}", 400)));
		runner().withPropertyValues("cognito.client-credentials.clients.inventory.scopes=inventory-api/admin")
			.run((context) -> {
				CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
				CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
						() -> m2m.accessToken("inventory"));
				assertThat(ex.clientName()).isEqualTo("inventory");
				assertThat(ex.errorCode()).isEqualTo("invalid_scope");
				assertThat(ex).hasMessageContaining("Cognito M2M client 'inventory'")
					.hasMessageContaining("cognito.client-credentials.clients.inventory.scopes");
				assertNoSecretAnywhere(ex);
			});
	}

	@Test
	void cognitosErrorDescriptionIsKept() {
		cognito.stubFor(post(TOKEN_PATH)
			.willReturn(jsonResponse("{\"error\":\"invalid_request\",\"error_description\":\"bad grant\"}", 400)));
		runner().run((context) -> {
			CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
					() -> context.getBean(CognitoClientCredentials.class).accessToken());
			assertThat(ex.errorCode()).isEqualTo("invalid_request");
			assertThat(ex.errorDescription()).hasValue("bad grant");
			assertThat(ex).hasMessageContaining("bad grant");
		});
	}

	@Test
	void failedTokenRequestIsAskedAgainOnceTheBackoffHasPassed() {
		cognito.stubFor(post(TOKEN_PATH).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			CognitoTokenException ex = catchThrowableOfType(CognitoTokenException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());
			assertThat(ex.errorCode()).isEqualTo(CognitoTokenException.SERVER_ERROR);
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	private static void assertNoSecretAnywhere(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
			assertThat(t.toString()).doesNotContain(SECRET);
			if (t.getCause() == t) {
				break;
			}
		}
	}

}
