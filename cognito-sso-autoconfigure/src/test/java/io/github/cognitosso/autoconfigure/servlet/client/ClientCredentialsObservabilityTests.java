package io.github.cognitosso.autoconfigure.servlet.client;

import java.util.Map;

import io.github.cognitosso.autoconfigure.actuate.CognitoActuatorAutoConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Machine-to-machine token requests as metrics and health: each request to Cognito's
 * token endpoint is timed by client and outcome ({@code cognito.token.request}, through
 * the Observation API), and the {@code cognito} health contributor shows each client's
 * last outcome without going DOWN.
 */
class ClientCredentialsObservabilityTests extends ClientCredentialsWireMockSupport {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private ApplicationContextRunner observed() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		return runner().withConfiguration(AutoConfigurations.of(CognitoActuatorAutoConfiguration.class))
			.withBean(MeterRegistry.class, () -> this.meters)
			.withBean(ObservationRegistry.class, () -> observations);
	}

	@Test
	void aSuccessfulTokenRequestIsTimedByClientAndOutcome() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("m2m-token-1", 3600)));
		api.stubFor(get("/orders").willReturn(ok()));
		observed().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			orders.get().uri("/orders").retrieve().toBodilessEntity();

			assertThat(this.meters.get("cognito.token.request")
				.tag("client", "default")
				.tag("outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			Health health = context.getBean("cognitoHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("clientCredentials");
			assertThat(lastOutcome(health)).isEqualTo("success");
		});
	}

	@Test
	void aRefusedTokenRequestIsTimedWithCognitosErrorCodeAndShownInHealth() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		observed().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			assertThat(catchThrowableOfType(CognitoTokenException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity()))
				.isNotNull();

			assertThat(this.meters.get("cognito.token.request")
				.tag("client", "default")
				.tag("outcome", "invalid_client")
				.timer()
				.count()).isEqualTo(1);
			Health health = context.getBean("cognitoHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(lastOutcome(health)).isEqualTo("invalid_client");
			assertThat(health.toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void anUnknownErrorCodeIsCountedAsOther() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(jsonResponse("{\"error\":\"made_up_by_a_proxy_42\"}", 400)));
		observed().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			catchThrowableOfType(CognitoTokenException.class,
					() -> orders.get().uri("/orders").retrieve().toBodilessEntity());

			assertThat(this.meters.find("cognito.token.request").tag("outcome", "other").timer()).isNotNull();
			assertThat(this.meters.find("cognito.token.request").tag("outcome", "made_up_by_a_proxy_42").timer())
				.isNull();
		});
	}

	private static Object lastOutcome(Health health) {
		Map<?, ?> clients = (Map<?, ?>) health.getDetails().get("clientCredentials");
		return ((Map<?, ?>) clients.get("default")).get("lastOutcome");
	}

}
