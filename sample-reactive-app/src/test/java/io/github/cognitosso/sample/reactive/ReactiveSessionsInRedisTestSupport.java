package io.github.cognitosso.sample.reactive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive sample under the profile {@code redis}, on a real {@code redis-server}
 * started by the test, the Cognito simulator with refresh token rotation on. Spring
 * Session's reactive Redis repository reads every request's WebSession from Redis, so
 * each page after sign-in proves that what reactive login keeps there came back through
 * the store's serialization (each subclass names one): the authorization request in
 * flight and the saved request (sign-in lands on the page asked for), the security
 * context with the Cognito user and its groups, the authorized client with its tokens (a
 * refresh after expiry).
 */
@SpringBootTest(classes = { ReactiveSampleApplication.class, ReactiveSessionsInRedisTestSupport.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=redis", "spring.data.redis.host=127.0.0.1" })
abstract class ReactiveSessionsInRedisTestSupport {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "redis-client";

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
		cognito.simulator().addClient(rotatingClient(List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("spring.data.redis.port", redis::port);
	}

	@BeforeEach
	void registerTheAppAndAlice() {
		// Back to the present: bearer tokens are checked against the system clock.
		clock.advance(Duration.between(clock.instant(), Instant.now()));
		redis.start();
		cognito.simulator().addClient(rotatingClient(List.of(app("/login/oauth2/code/cognito")), List.of(app("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		cognito.simulator().wireMock().resetRequests();
	}

	@Test
	void theSignedInUserAndItsGroupsComeBackFromRedis() {
		EntityExchangeResult<String> admin = signInAsAlice("/admin");

		// The authorization request and the saved request went through Redis to get here.
		assertThat(admin.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(admin.getResponseBody(), "admin")).contains("Welcome, alice");
		assertThat(redis.command("EVAL \"return #redis.call('keys','spring:session:sessions:*')\" 0"))
			.isNotEqualTo(":0");
		EntityExchangeResult<String> me = this.browser.navigate(app("/me"));
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
		assertThat(Browser.text(me.getResponseBody(), "groups")).isEqualTo("admin");
	}

	@Test
	void anExpiredAccessTokenIsRefreshedWithTheRefreshTokenReadBackFromRedis() {
		signInAsAlice("/me");
		clock.advance(Duration.ofMinutes(61));
		assertThat(this.browser.navigate(app("/me")).getStatus()).isEqualTo(HttpStatus.OK);
		clock.advance(Duration.ofMinutes(61));

		EntityExchangeResult<String> me = this.browser.navigate(app("/me"));

		// Rotation on: the second refresh presented the token the first one stored.
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
		assertThat(cognito.simulator()
			.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=refresh_token"))))
			.hasSize(2);
	}

	EntityExchangeResult<String> signInAsAlice(String path) {
		EntityExchangeResult<String> page = this.browser.signIn(app(path), cognito.simulator().baseUrl(), "alice",
				"alice-password");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
		return page;
	}

	static SimulatedClient rotatingClient(List<String> callbackUrls, List<String> signOutUrls) {
		return SimulatedClient.confidential(CLIENT_ID, "redis-secret", callbackUrls, signOutUrls)
			.withRefreshTokenRotation(true);
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
