package io.github.cognitosso.autoconfigure.reactive.resource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebFlux application on Netty against the Cognito simulator: the simulator's user
 * and machine tokens are accepted, groups become roles on reactive methods, and the
 * pre-built {@code cognitoWebClient} calls the application's own API with one machine
 * token for many calls.
 */
@SpringBootTest(classes = ReactiveResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				// No reactive browser login in this module: this application is an API.
				"cognito.login.enabled=false", "cognito.resource-server.accepted-client-ids=demo-machine",
				// A loaded build machine: the first key fetch may take more than the
				// default 2 s.
				"cognito.resource-server.jwks.read-timeout=10s", "cognito.client-credentials.client-id=demo-machine",
				"cognito.client-credentials.client-secret=demo-machine-secret",
				"cognito.client-credentials.scopes=demo-api/read",
				"cognito.client-credentials.base-url=http://localhost:${local.server.port}" })
@EnableCognitoSimulator
class ReactiveSimulatorTests {

	@Autowired
	CognitoSimulator cognito;

	@Autowired
	@Qualifier("cognitoWebClient")
	WebClient machine;

	@LocalServerPort
	int port;

	WebTestClient api;

	@BeforeEach
	void api() {
		this.api = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void aliceIsAnAdminOnAReactiveMethod() {
		String token = this.cognito.tokens().accessToken(this.cognito.user("alice"), "demo-client", "openid");
		this.api.get()
			.uri("/api/admin")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("admin area");
	}

	@Test
	void bobIsForbiddenTheAdminArea() {
		String token = this.cognito.tokens().accessToken(this.cognito.user("bob"), "demo-client", "openid");
		this.api.get()
			.uri("/api/admin")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer error=\"insufficient_scope\".*");
	}

	@Test
	void anExpiredSimulatorTokenIsRefusedWithTheReason() {
		String token = this.cognito.tokens().expired().accessToken(this.cognito.user("alice"), "demo-client", "openid");
		this.api.get()
			.uri("/api/hello")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches("WWW-Authenticate", ".*error_description=\"Expired: the token's exp is in the past\".*");
	}

	@Test
	void twentyMachineCallsThroughTheCognitoWebClientUseOneTokenFromTheSimulator() {
		int before = tokenRequests();
		List<Map<String, Object>> callers = Flux.range(0, 20)
			.flatMap((i) -> this.machine.get()
				.uri("/api/me")
				.retrieve()
				.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
				}))
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(callers).hasSize(20)
			.allSatisfy(
					(me) -> assertThat(me).containsEntry("name", "client:demo-machine").containsEntry("machine", true));
		assertThat(tokenRequests() - before).isEqualTo(1);
	}

	private int tokenRequests() {
		return this.cognito.wireMock()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/oauth2/token")).build())
			.getCount();
	}

}
