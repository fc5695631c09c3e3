package io.github.cognitosso.autoconfigure.reactive.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key fetch on WebFlux, measured: the first token's fetch, which the reactive decoder
 * defers from the event loop to the bounded elastic scheduler, is one observed fetch and
 * one verdict (the deferral itself is neither a refusal nor a fetch), and a JWKS outage
 * shows in the {@code cognito} health details while cached keys keep answering. Each test
 * starts with a fresh application, so with no keys fetched yet. Health is read without a
 * token, as a load balancer would, through the application's own chain.
 */
@SpringBootTest(
		classes = { ReactiveResourceServerTestApplication.class, ReactiveKeyFetchMetricsTests.PublicHealth.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID, "cognito.resource-server.jwks.read-timeout=10s",
				"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always" })
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class ReactiveKeyFetchMetricsTests {

	private static final JwksServer jwks = new JwksServer();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@BeforeEach
	void publishThePoolKey() {
		jwks.publish(TestTokens.POOL_KEY);
		jwks.resetCount();
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void theFirstTokenIsOneVerdictAndOneObservedFetchAlthoughItsFetchIsDeferred() {
		HttpResponse<String> response = get("/api/hello", TestTokens.sign(TestTokens.userAccessToken()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(jwks.fetches()).isEqualTo(1);
		assertThat(validations("valid")).isEqualTo(1);
		assertThat(validations("invalid")).isZero();
		assertThat(fetches("success")).isEqualTo(1);
		assertThat(fetches("failure")).isZero();
	}

	@Test
	void aKeySetOutageShowsItsErrorInTheHealthDetailsWhileCachedKeysKeepAnswering() {
		String valid = TestTokens.sign(TestTokens.userAccessToken());
		assertThat(get("/api/hello", valid).statusCode()).isEqualTo(200);
		jwks.fail();
		// An unknown kid makes the key source refetch, and the refetch fails.
		assertThat(
				get("/api/hello", TestTokens.sign(TestTokens.ROTATED_KEY, TestTokens.userAccessToken())).statusCode())
			.isEqualTo(401);

		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(get("/api/hello", valid).statusCode()).isEqualTo(200);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.components.cognito.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(health.body(), "$.components.cognito.details.signingKeys.lastError"))
			.contains(jwks.jwkSetUri());
		assertThat(fetches("failure")).isEqualTo(1);
	}

	@Test
	void aKeySetThatWasNeverFetchedTakesTheCognitoHealthDown() {
		jwks.fail();
		assertThat(get("/api/hello", TestTokens.sign(TestTokens.userAccessToken())).statusCode()).isEqualTo(401);

		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(health.body(), "$.components.cognito.status")).isEqualTo("DOWN");
		assertThat(validations("invalid")).isEqualTo(1);
		assertThat(this.meters.get("cognito.bearer.validations").tag("reason", "keys_unavailable").counter().count())
			.isEqualTo(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PublicHealth {

		@Bean
		SecurityWebFilterChain publicHealth(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
			http.authorizeExchange((
					exchanges) -> exchanges.pathMatchers("/actuator/health").permitAll().anyExchange().authenticated());
			cognito.customize(http);
			return http.build();
		}

	}

	private double validations(String outcome) {
		return this.meters.find("cognito.bearer.validations")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private long fetches(String outcome) {
		return this.meters.find("cognito.jwks.fetch")
			.tag("outcome", outcome)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(15));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
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

}
