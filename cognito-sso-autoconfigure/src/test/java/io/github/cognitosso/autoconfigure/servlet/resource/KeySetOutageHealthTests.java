package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outage of the pool's JWKS endpoint, as an operator sees it: the {@code cognito}
 * health contributor's details turn to the last error while it stays UP, and requests
 * keep answering 200 with the cached keys, also for tokens the validated-token cache has
 * never seen.
 */
@SpringBootTest(classes = ResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cognito.user-pool-id=" + TestTokens.POOL_ID, "cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.resource-server.jwks.cache-ttl=1s", "cognito.resource-server.jwks.refetch-cooldown=1s",
				"management.endpoint.health.show-details=always" })
class KeySetOutageHealthTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

	@Test
	void aJwksOutageShowsTheLastErrorWhileCachedKeysKeepAnswering() {
		String before = TestTokens.sign(TestTokens.userAccessToken());
		assertThat(get("/api/hello", before).statusCode()).isEqualTo(200);
		String healthy = get("/actuator/health", before).body();
		assertThat(JsonPath.<String>read(healthy, "$.components.cognito.status")).isEqualTo("UP");
		assertThat(JsonPath.<Integer>read(healthy, "$.components.cognito.details.signingKeys.keys")).isEqualTo(1);
		assertThat(JsonPath.<Boolean>read(healthy, "$.components.cognito.details.signingKeys.cached")).isTrue();
		assertThat(healthy).doesNotContain("lastError");

		jwks.fail();

		// The health probe refetches once the 1 s TTL is past, as a token would.
		String outage = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/actuator/health", before).body(), (body) -> body.contains("lastError"));
		assertThat(JsonPath.<String>read(outage, "$.components.cognito.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(outage, "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(outage, "$.components.cognito.details.signingKeys.lastError"))
			.contains("HTTP 500");
		assertThat(JsonPath.<Integer>read(outage, "$.components.cognito.details.signingKeys.keys")).isEqualTo(1);
		assertThat(JsonPath.<Boolean>read(outage, "$.components.cognito.details.signingKeys.stale")).isTrue();

		assertThat(get("/api/hello", before).statusCode()).isEqualTo(200);
		String neverSeen = TestTokens.sign(TestTokens.userAccessToken().claim("jti", "never-seen"));
		assertThat(get("/api/hello", neverSeen).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
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
