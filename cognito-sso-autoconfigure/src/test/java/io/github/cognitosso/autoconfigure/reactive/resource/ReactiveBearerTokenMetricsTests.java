package io.github.cognitosso.autoconfigure.reactive.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus.BadRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet resource server's metrics on WebFlux: the bad-token corpus
 * ({@link BadTokenCorpus}) behind a real Netty port moves exactly the
 * {@code cognito.bearer.validations} counter of each token's reason, the cache's meters
 * move, and Actuator's reactive endpoints show the scrape, the {@code cognito} health
 * contributor and the {@code cognito} info.
 */
@SpringBootTest(classes = ReactiveResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.resource-server.accepted-client-ids=" + TestTokens.MACHINE_CLIENT_ID,
				"server.max-http-request-header-size=64KB", "cognito.resource-server.jwks.read-timeout=10s",
				"management.endpoints.web.exposure.include=health,info,prometheus",
				"management.endpoint.health.show-details=always" })
class ReactiveBearerTokenMetricsTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * The reason each refusal of the corpus is counted under, by its description; the
	 * refusals of the header resolver and the claim conversion never reach the decoder
	 * and are not counted.
	 */
	private static final Map<String, String> REASONS = reasons();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	private static Map<String, String> reasons() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("Invalid algorithm: unsigned tokens (alg none) are not accepted", "bad_algorithm");
		reasons.put("Invalid algorithm: only RS256-signed tokens are accepted", "bad_algorithm");
		reasons.put("Invalid algorithm: encrypted tokens (JWE) are not accepted", "bad_algorithm");
		reasons.put("Invalid signature: the token's signature does not verify", "bad_signature");
		reasons.put("Unknown key: the token's kid is not a signing key of the user pool", "unknown_kid");
		reasons.put("Malformed: the token is not a JWT (three base64url parts, JSON header and payload)", "malformed");
		reasons.put("Malformed: the token's payload is not a JSON object of valid claims", "malformed");
		reasons.put("Malformed: a registered claim (iss, sub, aud, exp, nbf, iat) has the wrong type or value",
				"malformed");
		reasons.put("Invalid issuer: the token's iss is not this user pool", "wrong_issuer");
		reasons.put("Invalid issuer: the token has no iss claim", "wrong_issuer");
		reasons.put("Expired: the token's exp is in the past", "expired");
		reasons.put("Expired: the token has no exp claim", "expired");
		reasons.put("Not yet valid: the token's nbf is in the future", "not_yet_valid");
		reasons.put("Not yet valid: the token's iat is in the future", "not_yet_valid");
		reasons.put("Invalid token_use: only access tokens are accepted", "wrong_token_use");
		reasons.put("Invalid token_use: the token has no token_use claim", "wrong_token_use");
		reasons.put("Invalid client: the token's client_id is not an accepted app client", "wrong_client");
		reasons.put("Invalid client: the access token has no client_id claim", "wrong_client");
		reasons.put("Too large: the token is longer than 16384 characters", "too_large");
		return reasons;
	}

	static Stream<BadRequest> badRequests() throws Exception {
		return BadTokenCorpus.badRequests();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void eachBadTokenMovesOnlyTheCounterOfItsReason(BadRequest bad) {
		Map<String, Double> before = invalidCounts();
		double validBefore = count("valid", "none");

		HttpResponse<String> response = send("/api/hello", bad.authorization());

		assertThat(response.statusCode()).isEqualTo(401);
		Map<String, Double> after = invalidCounts();
		String reason = REASONS.get(bad.description());
		Map<String, Double> moved = new LinkedHashMap<>();
		after.forEach((tag, value) -> {
			double delta = value - before.getOrDefault(tag, 0.0);
			if (delta != 0) {
				moved.put(tag, delta);
			}
		});
		if (reason != null) {
			assertThat(moved).containsExactly(Map.entry(reason, 1.0));
			assertThat(count("valid", "none")).isEqualTo(validBefore);
		}
		else {
			// Refused by the header resolver or by the claim conversion, after the
			// decoder: no refusal is counted.
			assertThat(moved).isEmpty();
		}
	}

	@Test
	void aValidTokenIsCountedAsValid() {
		double before = count("valid", "none");
		HttpResponse<String> response = send("/api/hello",
				List.of("Bearer " + TestTokens.sign(TestTokens.userAccessToken())));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(count("valid", "none")).isEqualTo(before + 1);
	}

	@Test
	void theCacheMetricsMoveWithRepeatedTokens() {
		String token = TestTokens.sign(TestTokens.userAccessToken());
		double hits = this.meters.get("cache.gets")
			.tag("cache", "cognito.validated-tokens")
			.tag("result", "hit")
			.functionCounter()
			.count();
		double misses = this.meters.get("cache.gets")
			.tag("cache", "cognito.validated-tokens")
			.tag("result", "miss")
			.functionCounter()
			.count();

		assertThat(send("/api/hello", List.of("Bearer " + token)).statusCode()).isEqualTo(200);
		assertThat(send("/api/hello", List.of("Bearer " + token)).statusCode()).isEqualTo(200);
		assertThat(send("/api/hello", List.of("Bearer " + token)).statusCode()).isEqualTo(200);

		assertThat(this.meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(misses + 1);
		assertThat(this.meters.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(hits + 2);
		assertThat(this.meters.get("cache.size").tag("cache", "cognito.validated-tokens").gauge().value())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void thePrometheusScrapeShowsTheValidationKeyFetchAndCacheMeters() {
		String token = TestTokens.sign(TestTokens.userAccessToken());
		assertThat(send("/api/hello", List.of("Bearer " + token)).statusCode()).isEqualTo(200);

		HttpResponse<String> scrape = send("/actuator/prometheus", List.of("Bearer " + token));

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("cognito_bearer_validations_total{outcome=\"valid\",reason=\"none\"}")
			.contains("cognito_bearer_validations_total{outcome=\"invalid\",reason=\"unknown_kid\"}")
			.contains("cognito_bearer_validations_total{outcome=\"invalid\",reason=\"expired\"}")
			.contains("cognito_jwks_fetch_seconds_count{")
			.contains("outcome=\"success\"")
			.contains("cache_gets_total{cache=\"cognito.validated-tokens\",result=\"hit\"}")
			.contains("cache_size{cache=\"cognito.validated-tokens\"}")
			.doesNotContain(token);
	}

	@Test
	void theInfoEndpointDescribesThePoolWithoutSecrets() {
		String token = TestTokens.sign(TestTokens.userAccessToken());
		HttpResponse<String> info = send("/actuator/info", List.of("Bearer " + token));

		assertThat(info.statusCode()).isEqualTo(200);
		Map<String, Object> cognito = JsonPath.read(info.body(), "$.cognito");
		assertThat(cognito).containsEntry("userPoolId", TestTokens.POOL_ID);
		assertThat(JsonPath.<String>read(info.body(), "$.cognito.endpoints.jwkSet")).isEqualTo(jwks.jwkSetUri());
		assertThat(JsonPath.<Boolean>read(info.body(), "$.cognito.features.bearerTokens")).isTrue();
		assertThat(JsonPath.<Boolean>read(info.body(), "$.cognito.features.validatedTokenCache")).isTrue();
		assertThat(info.body()).doesNotContain(TestTokens.CLIENT_ID);
	}

	@Test
	void theHealthEndpointShowsTheCognitoContributorWithTheCachedKeys() {
		String token = TestTokens.sign(TestTokens.userAccessToken());
		assertThat(send("/api/hello", List.of("Bearer " + token)).statusCode()).isEqualTo(200);

		HttpResponse<String> health = send("/actuator/health", List.of("Bearer " + token));

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.components.cognito.status")).isEqualTo("UP");
		assertThat(JsonPath.<Boolean>read(health.body(), "$.components.cognito.details.signingKeys.cached")).isTrue();
		assertThat(JsonPath.<Integer>read(health.body(), "$.components.cognito.details.signingKeys.keys")).isEqualTo(1);
		assertThat(JsonPath.<String>read(health.body(), "$.components.cognito.details.signingKeys.jwksUri"))
			.isEqualTo(jwks.jwkSetUri());
	}

	private double count(String outcome, String reason) {
		Counter counter = this.meters.find("cognito.bearer.validations")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Map<String, Double> invalidCounts() {
		Map<String, Double> counts = new LinkedHashMap<>();
		this.meters.find("cognito.bearer.validations")
			.tag("outcome", "invalid")
			.counters()
			.forEach((counter) -> counts.put(counter.getId().getTag("reason"), counter.count()));
		return counts;
	}

	private HttpResponse<String> send(String path, List<String> authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
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

}
