package io.github.cognitosso.sample.reactive;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reactive browser session against the Cognito simulator while time passes and the user
 * changes in Cognito. The app client rotates refresh tokens, and the simulator forgets a
 * refresh token as soon as it is rotated: a second refresh with the same token fails. The
 * application and the simulator share one clock, which the tests move past the tokens'
 * one-hour lifetime. Without the resource server, so that API-style requests meet the
 * login's own 401.
 */
@SpringBootTest(classes = { ReactiveSampleApplication.class, ReactiveSessionFollowsCognitoTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cognito.resource-server.enabled=false", "cognito.login.session-max-lifetime=12h" })
class ReactiveSessionFollowsCognitoTests {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "rotating-client";

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(rotatingClient(List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeEach
	void registerTheAppAndAlice() {
		cognito.simulator().addClient(rotatingClient(List.of(app("/login/oauth2/code/cognito")), List.of(app("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		cognito.simulator().wireMock().resetRequests();
	}

	@Test
	void expiredTokensAreRefreshedAndTheRotatedRefreshTokenIsKept() {
		signInAsAlice();
		clock.advance(Duration.ofMinutes(61));
		assertThat(this.browser.navigate(app("/me")).getStatus()).isEqualTo(HttpStatus.OK);
		clock.advance(Duration.ofMinutes(61));

		EntityExchangeResult<String> me = this.browser.navigate(app("/me"));

		// The second refresh presented the token the first one returned: the first is
		// gone from the simulator.
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
		assertThat(refreshRequests()).isEqualTo(2);
	}

	@Test
	void requestsFiredTogetherAfterExpirySendOneRefresh() {
		signInAsAlice();
		clock.advance(Duration.ofMinutes(61));

		List<HttpStatus> statuses = Flux.range(0, 6)
			.parallel(6)
			.runOn(Schedulers.boundedElastic())
			.map((i) -> HttpStatus.valueOf(this.browser.navigate(app("/me")).getStatus().value()))
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).hasSize(6).containsOnly(HttpStatus.OK);
		assertThat(refreshRequests()).isEqualTo(1);
	}

	@Test
	void groupRemovedInCognitoIsTakenAwayAtTheRefreshAfterExpiry() {
		signInAsAlice();
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "staff"));
		clock.advance(Duration.ofMinutes(61));

		EntityExchangeResult<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.getResponseBody()).contains("Access denied");
		String authorities = Browser.text(this.browser.navigate(app("/me")).getResponseBody(), "authorities");
		assertThat(authorities).contains("ROLE_staff").doesNotContain("ROLE_admin");
	}

	@Test
	void aRefreshCognitoRefusesEndsTheSession() {
		signInAsAlice();
		cognito.simulator().globalSignOut("alice");
		clock.advance(Duration.ofMinutes(61));

		EntityExchangeResult<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(admin).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(this.browser.get(app("/me"), "application/json").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void apiStyleRequestsWithoutASessionGet401InsteadOfARedirect() {
		assertThat(this.browser.get(app("/me"), "application/json").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.browser.get(app("/me"), "*/*").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.browser.navigate(app("/me")).getStatus()).isEqualTo(HttpStatus.FOUND);
	}

	@Test
	void sessionOlderThanItsMaximumLifetimeMustSignInAgainAndItsRefreshTokenIsRevoked() {
		signInAsAlice();
		clock.advance(Duration.ofHours(12));

		EntityExchangeResult<String> me = this.browser.navigate(app("/me"));

		assertThat(me.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(me).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(cognito.simulator().wireMock().findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))))
			.hasSize(1);
	}

	private long refreshRequests() {
		return cognito.simulator()
			.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("grant_type=refresh_token"))
			.count();
	}

	private void signInAsAlice() {
		EntityExchangeResult<String> me = this.browser.signIn(app("/me"), cognito.simulator().baseUrl(), "alice",
				"alice-password");
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
	}

	private static SimulatedClient rotatingClient(List<String> callbackUrls, List<String> signOutUrls) {
		return SimulatedClient.confidential(CLIENT_ID, "rotating-secret", callbackUrls, signOutUrls)
			.withRefreshTokenRotation(true);
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
