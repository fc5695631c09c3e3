package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser sessions in a real Redis (Spring Session Data Redis, Debian's
 * {@code redis-server} started by the test), the Cognito simulator with refresh token
 * rotation on: everything the starter keeps in the session survives the store's
 * serialization (each subclass names one), one refresh per expiry across two instances,
 * and a Redis outage answered with a 503.
 */
@SpringBootTest(classes = { LoginTestApplication.class, SessionsInRedisFlowTestSupport.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "spring.data.redis.host=127.0.0.1" })
abstract class SessionsInRedisFlowTestSupport {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "redis-client";

	static final String CLIENT_SECRET = "redis-secret";

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoAndRedis(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("spring.data.redis.port", redis::port);
	}

	@BeforeEach
	void registerTheAppAndAlice() {
		// Back to the present: bearer tokens are checked against the system clock.
		clock.advance(Duration.between(clock.instant(), Instant.now()));
		redis.start();
		cognito.simulator()
			.addClient(SimulatedClient
				.confidential(CLIENT_ID, CLIENT_SECRET, List.of(app("/login/oauth2/code/cognito")), List.of(app("/")))
				.withRefreshTokenRotation(true));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		cognito.simulator().wireMock().resetRequests();
	}

	@Test
	void theSignedInUserItsGroupsAndItsTokensComeBackFromRedis() {
		HttpResponse<String> admin = signInAsAlice("/admin");

		// The authorization request and the saved request went through Redis to get here.
		assertThat(admin.body()).isEqualTo("admin area");
		assertThat(redis.command("EXISTS spring:session:sessions:" + sessionId())).isEqualTo(":1");
		Map<String, Object> caller = json(this.browser.get(app("/caller"), Map.of("Accept", "application/json")));
		assertThat(caller).containsEntry("username", "alice")
			.containsEntry("groups", List.of("admin"))
			.containsEntry("tokenUse", "id")
			.containsEntry("clientId", CLIENT_ID);
		Map<String, Object> me = json(this.browser.get(app("/me"), Map.of("Accept", "application/json")));
		assertThat(me.get("authorities")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("ROLE_admin", "SCOPE_openid");
		assertThat(accessToken(this.browser, app("/token"))).isNotBlank();
	}

	@Test
	void anExpiredAccessTokenIsRefreshedOnceAndTheNewTokensAreReadBackFromRedis() {
		signInAsAlice("/me");
		String first = accessToken(this.browser, app("/token"));
		clock.advance(Duration.ofMinutes(61));

		String refreshed = accessToken(this.browser, app("/token"));

		assertThat(refreshed).isNotEqualTo(first);
		assertThat(accessToken(this.browser, app("/token"))).isEqualTo(refreshed);
		assertThat(refreshes()).isEqualTo(1);
		assertThat(this.browser.navigate(app("/admin")).body()).isEqualTo("admin area");
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		HttpResponse<String> page = this.browser.navigate(app("/me"));
		this.browser.follow(page);
		String beforeSignIn = sessionId();
		assertThat(beforeSignIn).isNotNull();

		signInAsAlice("/me");

		assertThat(sessionId()).isNotNull().isNotEqualTo(beforeSignIn);
		assertThat(redis.command("EXISTS spring:session:sessions:" + beforeSignIn)).isEqualTo(":0");
	}

	@Test
	void twentyParallelRequestsOnTwoInstancesAfterExpiryRefreshOnceAndAllSucceed() throws Exception {
		try (ConfigurableApplicationContext second = secondInstance()) {
			String b = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
			signInAsAlice("/me");
			String before = accessToken(this.browser, app("/token"));
			assertThat(accessToken(this.browser, b + "/token")).as("instance B reads the session").isEqualTo(before);
			clock.advance(Duration.ofMinutes(61));

			List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String instance = (i % 2 == 0) ? app("/token") : b + "/token";
				calls.add(() -> this.browser.get(instance, Map.of("Accept", "application/json")));
			}
			ExecutorService pool = Executors.newFixedThreadPool(20);
			List<String> tokens = new ArrayList<>();
			try {
				for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
					HttpResponse<String> response = answer.get();
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
					tokens.add(JsonPath.read(response.body(), "$.accessToken"));
				}
			}
			finally {
				pool.shutdownNow();
			}

			assertThat(refreshes()).isEqualTo(1);
			assertThat(tokens).doesNotContain(before).containsOnly(tokens.get(0));
			assertThat(this.browser.navigate(b + "/admin").body()).isEqualTo("admin area");
			// The rotated refresh token was kept: the next expiry refreshes again.
			clock.advance(Duration.ofMinutes(61));
			assertThat(accessToken(this.browser, b + "/token")).isNotEqualTo(tokens.get(0));
			assertThat(refreshes()).isEqualTo(2);
		}
	}

	@Test
	void whileRedisIsDownPagesAnswer503AndBearerCallsWorkThenTheSessionIsBack() {
		String bearer = cognito.simulator()
			.tokens()
			.accessToken(cognito.simulator().user("alice"), CLIENT_ID, "openid");
		signInAsAlice("/me");
		clock.advance(Duration.ofMinutes(61));
		String refreshed = accessToken(this.browser, app("/token"));
		redis.stop();

		HttpResponse<String> page = this.browser.navigate(app("/me"));
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception");
		HttpResponse<String> api = this.browser.get(app("/caller"), Map.of("Accept", "application/json"));
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(api.body()).contains("\"error\":\"session_store_unavailable\"");
		HttpResponse<String> bearerCall = withoutCookies(app("/caller"), "Authorization", "Bearer " + bearer);
		assertThat(bearerCall.statusCode()).as(bearerCall.body() + bearerCall.headers().map()).isEqualTo(200);

		redis.start();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.browser.get(app("/token"), Map.of("Accept", "application/json")).statusCode() == 200);
		// The refreshed tokens were written before the outage: no refresh, no sign-in.
		assertThat(accessToken(this.browser, app("/token"))).isEqualTo(refreshed);
		assertThat(refreshes()).isEqualTo(1);
	}

	private ConfigurableApplicationContext secondInstance() {
		Map<String, String> properties = new LinkedHashMap<>(cognito.simulator().properties(CLIENT_ID));
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.autoconfigure.exclude", "");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", String.valueOf(redis.port()));
		// As arguments: they win over the test's application.properties, as the first
		// instance's test properties do.
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(LoginTestApplication.class, SharedClock.class, serializerConfiguration())
			.run(arguments);
	}

	/**
	 * @return the configuration with the subclass's session serializer (the same on both
	 * instances)
	 */
	abstract Class<?> serializerConfiguration();

	/**
	 * @return the session id of the browser's cookie (Spring Session writes it in base64)
	 */
	String sessionId() {
		String cookie = this.browser.cookie("SESSION");
		return (cookie != null) ? new String(java.util.Base64.getDecoder().decode(cookie)) : null;
	}

	int refreshes() {
		return cognito.simulator()
			.wireMock()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=refresh_token"))
				.build())
			.getCount();
	}

	static String accessToken(Browser browser, String url) {
		HttpResponse<String> token = browser.get(url, Map.of("Accept", "application/json"));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JsonPath.read(token.body(), "$.accessToken");
	}

	private static Map<String, Object> json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$");
	}

	private static HttpResponse<String> withoutCookies(String url, String... headers) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).headers(headers).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	HttpResponse<String> signInAsAlice(String path) {
		HttpResponse<String> page = this.browser.navigate(app(path));
		HttpResponse<String> start = this.browser.follow(page);
		HttpResponse<String> form = this.browser.follow(start);
		assertThat(form.statusCode()).as("hosted UI: %s", form.body()).isEqualTo(200);
		Map<String, String> fields = hiddenFields(form.body());
		fields.put("username", "alice");
		fields.put("password", "alice-password");
		HttpResponse<String> signedIn = this.browser.post(cognito.simulator().baseUrl() + "/login", fields);
		HttpResponse<String> callback = this.browser.follow(signedIn);
		assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(302);
		HttpResponse<String> landing = this.browser.follow(callback);
		assertThat(landing.statusCode()).as("landing: %s", landing.body()).isEqualTo(200);
		return landing;
	}

	private static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

	String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The application reads the simulator's clock, so both agree on when tokens expire.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		Clock clock() {
			return clock;
		}

	}

}
