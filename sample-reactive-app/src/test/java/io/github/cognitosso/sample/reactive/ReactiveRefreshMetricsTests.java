package io.github.cognitosso.sample.reactive;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive session's token refreshes as an operator counts them: each refresh with
 * the refresh token grant is a {@code cognito.browser.sessions} event {@code refresh} and
 * a {@code cognito.session.request} observation of the token endpoint, one per refresh
 * even when the browser's session is renewed from it. The application and the simulator
 * share one clock, which the test moves past the tokens' one-hour lifetime.
 */
@SpringBootTest(classes = { ReactiveSampleApplication.class, ReactiveRefreshMetricsTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cognito.resource-server.enabled=false", "cognito.login.session-max-lifetime=12h" })
class ReactiveRefreshMetricsTests {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "metrics-client";

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	final Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(client(List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeEach
	void registerTheAppAndAlice() {
		cognito.simulator().addClient(client(List.of(app("/login/oauth2/code/cognito")), List.of(app("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
	}

	@Test
	void aRefreshAfterExpiryIsCountedAndObservedOnce() {
		assertThat(
				this.browser.signIn(app("/me"), cognito.simulator().baseUrl(), "alice", "alice-password").getStatus())
			.isEqualTo(HttpStatus.OK);
		double refreshes = this.meters.counter("cognito.browser.sessions", "event", "refresh", "outcome", "success")
			.count();
		long tokenCalls = tokenCalls();
		clock.advance(Duration.ofMinutes(61));

		assertThat(this.browser.navigate(app("/me")).getStatus()).isEqualTo(HttpStatus.OK);

		Counter counter = this.meters.find("cognito.browser.sessions")
			.tag("event", "refresh")
			.tag("outcome", "success")
			.counter();
		assertThat(counter.count()).isEqualTo(refreshes + 1);
		assertThat(tokenCalls()).isEqualTo(tokenCalls + 1);
	}

	private long tokenCalls() {
		Timer timer = this.meters.find("cognito.session.request")
			.tag("endpoint", "token")
			.tag("outcome", "success")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static SimulatedClient client(List<String> callbackUrls, List<String> signOutUrls) {
		return SimulatedClient.confidential(CLIENT_ID, "metrics-secret", callbackUrls, signOutUrls);
	}

	private String app(String path) {
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
