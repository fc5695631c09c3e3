package io.github.cognitosso.sample.reactive;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With BlockHound installed, a blocking call on a non-blocking thread (a Netty event
 * loop, Reactor's parallel scheduler) throws, and the request it serves fails: a whole
 * browser session (the code exchange, the ID token checked with keys fetched cold, the
 * user service, a token refresh, the revocation at logout: each a call to Cognito) still
 * gets through, so each ran off the event loop. Only reading {@code SecureRandom} is
 * allowed (see {@link #installBlockHound()}). Runs in its own JVM (surefire's
 * {@code event-loop} execution, with the JVM flag BlockHound needs on JDK 13+).
 */
@SpringBootTest(classes = { ReactiveSampleApplication.class, ReactiveLoginBlockHoundTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReactiveLoginBlockHoundTests {

	static final MutableClock clock = new MutableClock();

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final Browser browser = new Browser();

	@BeforeAll
	static void installBlockHound() {
		// Spring Security draws state, nonce and the PKCE verifier, and Spring the
		// session id, from SecureRandom on the calling thread: a read of /dev/urandom,
		// which does not wait once the kernel is seeded. Everything else counts.
		BlockHound.install((builder) -> builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes"));
	}

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		cognito.simulator()
			.addClient(SimulatedClient.confidential("hound-client", "hound-secret", List.of(), List.of()));
		cognito.simulator().properties("hound-client").forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void blockHoundCatchesABlockingCallOnANonBlockingThread() {
		Mono<Object> blocking = Mono.fromRunnable(() -> LockSupport.parkNanos(1_000))
			.subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(10)))
			.hasRootCauseInstanceOf(BlockingOperationError.class);
	}

	@Test
	void signInRefreshAndLogoutNeverBlockAnEventLoopThread() {
		cognito.simulator()
			.addClient(SimulatedClient
				.confidential("hound-client", "hound-secret", List.of(app("/login/oauth2/code/cognito")),
						List.of(app("/")))
				.withRefreshTokenRotation(true));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));

		EntityExchangeResult<String> me = this.browser.signIn(app("/me"), cognito.simulator().baseUrl(), "alice",
				"alice-password");
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");

		clock.advance(Duration.ofMinutes(61));
		EntityExchangeResult<String> refreshed = this.browser.navigate(app("/admin"));
		assertThat(refreshed.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(cognito.simulator()
			.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("grant_type=refresh_token"))).hasSize(1);

		MultiValueMap<String, String> form = Browser.hiddenFields(this.browser.navigate(app("/")).getResponseBody());
		EntityExchangeResult<String> logout = this.browser.post(app("/logout"), form);
		assertThat(logout.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(logout).toString()).startsWith(cognito.simulator().baseUrl() + "/logout?");
		assertThat(cognito.simulator().wireMock().findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))))
			.hasSize(1);
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
