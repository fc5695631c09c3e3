package io.github.cognitosso.sample.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive sample's Actuator endpoints as an operator and a stranger see them, as in
 * the servlet sample: health and info answer without a token with what is safe (health
 * details only for the Cognito group admin, Boot's {@code show-details: when-authorized},
 * which WebFlux's endpoint applies to the bearer token's roles too), the Prometheus
 * scrape needs a signed-in caller and holds every metric docs/grafana-dashboard.json
 * queries, and no endpoint's output contains a client secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cognito.resource-server.accepted-client-ids=sample-machine",
				"cognito.client-credentials.client-id=sample-machine",
				"cognito.client-credentials.client-secret=sample-machine-secret",
				"cognito.client-credentials.scopes=sample-api/read",
				// Every endpoint, so the secret check reads them all.
				"management.endpoints.web.exposure.include=*" })
@EnableCognitoSimulator(config = "cognito-simulator.yml", clientId = "sample-client")
class ReactiveActuatorEndpointsTests {

	private static final Path DASHBOARD = Path.of("..", "docs", "grafana-dashboard.json");

	/** The meter names in a PromQL expression (the starter's and the cache's). */
	private static final Pattern METRIC = Pattern.compile("\\b((?:cognito|cache)_[a-z0-9_]+)\\b");

	@Autowired
	private CognitoSimulator cognito;

	@Autowired
	private Environment environment;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthAnswersAStrangerWithTheStatusOnly() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("components").doesNotContain("signingKeys");
	}

	@Test
	void healthShowsTheCognitoDetailsToTheAdminGroupOnly() throws Exception {
		HttpResponse<String> admin = get("/actuator/health", token("alice"));
		assertThat(JsonPath.<String>read(admin.body(), "$.components.cognito.status")).isEqualTo("UP");
		assertThat(JsonPath.<Boolean>read(admin.body(), "$.components.cognito.details.signingKeys.cached")).isTrue();
		assertThat(get("/actuator/health", token("bob")).body()).doesNotContain("components");
	}

	@Test
	void infoDescribesThePoolToAStranger() throws Exception {
		HttpResponse<String> info = get("/actuator/info", null);
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(info.body(), "$.cognito.userPoolId"))
			.isEqualTo(this.environment.getProperty("cognito.user-pool-id"));
		assertThat(JsonPath.<List<String>>read(info.body(), "$.cognito.features.clientCredentials"))
			.containsExactly("default");
	}

	@Test
	void thePrometheusScrapeNeedsASignedInCaller() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
	}

	@Test
	void noActuatorEndpointShowsAClientSecret() throws Exception {
		Set<String> secrets = new LinkedHashSet<>();
		secrets.add(this.environment.getRequiredProperty("cognito.client-secret"));
		secrets.add(this.environment.getRequiredProperty("cognito.client-credentials.client-secret"));
		assertThat(secrets).allSatisfy((secret) -> assertThat(secret).hasSizeGreaterThan(5));
		// Something to report first: a sign-in's keys, an M2M token request.
		get("/api/hello", token("alice"));
		page("/m2m");
		String admin = token("alice");
		Map<String, Map<String, Object>> links = JsonPath.read(get("/actuator", admin).body(), "$._links");
		int read = 0;
		for (Map<String, Object> link : links.values()) {
			String href = (String) link.get("href");
			if (Boolean.TRUE.equals(link.get("templated")) || href.endsWith("/heapdump")) {
				continue;
			}
			for (String token : new String[] { admin, null }) {
				HttpResponse<String> response = get(URI.create(href).getPath(), token);
				for (String secret : secrets) {
					assertThat(response.body()).as(href).doesNotContain(secret);
				}
			}
			read++;
		}
		assertThat(read).isGreaterThan(10);
	}

	@Test
	void everyMetricTheGrafanaDashboardQueriesIsInTheScrape() throws Exception {
		// A bearer token (the key fetch, a validation, the cache) and an M2M token
		// request.
		String alice = token("alice");
		assertThat(get("/api/hello", alice).statusCode()).isEqualTo(200);
		assertThat(get("/api/hello", alice).statusCode()).isEqualTo(200);
		assertThat(page("/m2m").statusCode()).isEqualTo(200);

		String scrape = get("/actuator/prometheus", alice).body();

		List<String> expressions = JsonPath.read(Files.readString(DASHBOARD), "$.panels[*].targets[*].expr");
		Set<String> metrics = new LinkedHashSet<>();
		for (String expression : expressions) {
			Matcher matcher = METRIC.matcher(expression);
			while (matcher.find()) {
				metrics.add(matcher.group(1));
			}
		}
		assertThat(metrics).contains("cognito_bearer_validations_total", "cognito_jwks_fetch_seconds_count",
				"cognito_token_request_seconds_count", "cache_gets_total");
		assertThat(metrics).allSatisfy(
				(metric) -> assertThat(scrape).as(metric).containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]"));
	}

	@Test
	void aMachineToMachineCallThroughCognitoWebClientIsTimedAndInTheHealthDetails() throws Exception {
		HttpResponse<String> m2m = page("/m2m");
		assertThat(m2m.body()).contains("Hello, client:sample-machine");

		String admin = token("alice");
		String scrape = get("/actuator/prometheus", admin).body();
		HttpResponse<String> health = get("/actuator/health", admin);

		assertThat(scrape).containsPattern("(?m)^cognito_token_request_seconds_count\\{[^}]*client=\"default\""
				+ "[^}]*outcome=\"success\"[^}]*\\} [1-9]");
		assertThat(JsonPath.<String>read(health.body(),
				"$.components.cognito.details.clientCredentials.default.lastOutcome"))
			.isEqualTo("success");
	}

	private String token(String username) {
		return this.cognito.tokens().accessToken(this.cognito.user(username), "sample-client", "openid", "email");
	}

	private HttpResponse<String> page(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "*/*");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
