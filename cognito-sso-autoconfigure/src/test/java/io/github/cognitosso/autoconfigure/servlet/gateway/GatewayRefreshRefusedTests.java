package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code cognito.login.session-follows-tokens=false} the session is not renewed
 * ahead of the request, so the gateway itself meets a refresh that Cognito refuses while
 * it relays: the session ends, a browser is sent to sign in again, an API caller gets a
 * 401, and the upstream sees nothing.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, GatewayRefreshRefusedTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cognito.login.session-follows-tokens=false")
class GatewayRefreshRefusedTests {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "gateway-client";

	static final String CLIENT_SECRET = "gateway-secret";

	static final EchoUpstream upstream = new EchoUpstream();

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final GatewayBrowser browser = new GatewayBrowser();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("cognito.gateway.upstream-uri", upstream::uri);
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@BeforeEach
	void signInAliceThenEndHerCognitoSession() {
		clock.advance(Duration.between(clock.instant(), Instant.now()));
		cognito.simulator()
			.addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET,
					List.of(gateway("/login/oauth2/code/cognito")), List.of(gateway("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		HttpResponse<String> page = this.browser.signIn(gateway("/hello"), cognito.simulator().baseUrl(), "alice",
				"alice-password");
		assertThat(page.statusCode()).as("signed in through the gateway").isEqualTo(200);
		cognito.simulator().globalSignOut("alice");
		clock.advance(Duration.ofMinutes(61));
		upstream.clear();
	}

	@Test
	void refusedRefreshSendsTheBrowserToSignInAgain() {
		HttpResponse<String> page = this.browser.navigate(gateway("/later"));

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(GatewayBrowser.location(page).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void refusedRefreshGivesAnApiCallerA401() {
		HttpResponse<String> call = this.browser.get(gateway("/api/orders"), "Accept", "application/json");

		assertThat(call.statusCode()).isEqualTo(401);
		assertThat(call.body()).doesNotContain(EchoUpstream.BODY);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void refusedRefreshEndsTheGatewaySession() {
		this.browser.get(gateway("/api/orders"), "Accept", "application/json");
		clock.advance(Duration.ofMinutes(-61));

		HttpResponse<String> again = this.browser.navigate(gateway("/hello"));

		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(GatewayBrowser.location(again).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(upstream.received()).isEmpty();
	}

	private String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The gateway reads the simulator's clock, so both agree on when tokens expire. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		Clock clock() {
			return clock;
		}

	}

}
