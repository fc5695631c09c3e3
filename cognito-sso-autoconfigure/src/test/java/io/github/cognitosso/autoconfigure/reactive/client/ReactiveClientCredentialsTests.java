package io.github.cognitosso.autoconfigure.reactive.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Machine-to-machine calls through the pre-built {@code cognitoWebClient}, against a
 * WireMock token endpoint and API: one token for many calls, renewal after expiry, one
 * retry when the API rejects the token, a clear error in bounded time when Cognito is
 * down, no token for other origins.
 */
class ReactiveClientCredentialsTests {

	private static final String TOKEN_PATH = "/oauth2/token";

	/** What a Spring Security resource server answers for an expired JWT. */
	private static final String EXPIRED = "Bearer error=\"invalid_token\", "
			+ "error_description=\"An error occurred while attempting to decode the Jwt: Jwt expired\"";

	@RegisterExtension
	static final WireMockExtension cognito = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static final WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoClientCredentialsAutoConfiguration.class,
					CognitoReactiveClientCredentialsAutoConfiguration.class))
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs",
					"cognito.endpoints.token-uri=" + cognito.baseUrl() + TOKEN_PATH,
					"cognito.client-credentials.client-id=4pq2m2mclientid00000000000",
					"cognito.client-credentials.client-secret=never-shown-m2m-secret-0123456789abcdefghijklmnopqrst",
					"cognito.client-credentials.scopes=orders-api/read",
					"cognito.client-credentials.base-url=" + api.baseUrl(),
					"cognito.client-credentials.token-read-timeout=3s");
	}

	private static ResponseDefinitionBuilder tokenResponse(String accessToken, long expiresInSeconds) {
		return okJson("{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresInSeconds
				+ ",\"token_type\":\"Bearer\"}");
	}

	private static void cognitoIssuesANewTokenEachTime() {
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(tokenResponse("token-1", 3600))
			.willSetStateTo("2"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs("2")
			.willReturn(tokenResponse("token-2", 3600))
			.willSetStateTo("3"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs("3")
			.willReturn(tokenResponse("token-3", 3600)));
	}

	private static String call(WebClient client) {
		return client.get().uri("/orders").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
	}

	@Test
	void twentyConcurrentCallsThroughTheWebClientCostOneTokenRequest() {
		cognitoIssuesANewTokenEachTime();
		api.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-1")).willReturn(okJson("[]")));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			List<String> bodies = Flux.range(0, 20)
				.flatMap((i) -> orders.get().uri("/orders").retrieve().bodyToMono(String.class))
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(bodies).hasSize(20).containsOnly("[]");
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(20),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void theTokenIsRenewedOnceItIsWithinTheExpiryMarginOfItsEnd() {
		cognitoIssuesANewTokenEachTime();
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			call(orders);
			this.clock.advance(Duration.ofSeconds(3600 - 61));
			call(orders);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			this.clock.advance(Duration.ofSeconds(2));
			call(orders);
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void aTokenTheApiRejectsAsExpiredIsRenewedOnceAndTheCallRetriedOnce() {
		cognitoIssuesANewTokenEachTime();
		api.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", EXPIRED)));
		api.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("[]")));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			assertThat(call(orders)).isEqualTo("[]");
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void aRenewedTokenRejectedAgainIsNotRenewedASecondTime() {
		cognitoIssuesANewTokenEachTime();
		api.stubFor(get("/orders").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", EXPIRED)));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			Integer status = orders.get()
				.uri("/orders")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(401);
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void aTokenEndpointThatDoesNotAnswerGivesATimeoutErrorWithinTheReadTimeout() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("late", 3600).withFixedDelay(10_000)));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			long start = System.nanoTime();
			assertThatThrownBy(() -> call(orders)).isInstanceOfSatisfying(CognitoTokenException.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo(CognitoTokenException.TIMEOUT));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
			api.verify(exactly(0), getRequestedFor(urlEqualTo("/orders")));
		});
	}

	@Test
	void aTokenEndpointAnsweringWithAServerErrorGivesAClearError() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(503)));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			assertThatThrownBy(() -> call(orders)).isInstanceOfSatisfying(CognitoTokenException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo(CognitoTokenException.SERVER_ERROR);
				assertThat(ex.getMessage()).doesNotContain("never-shown-m2m-secret");
			});
		});
	}

	@Test
	void aRequestToAnotherOriginCarriesNoTokenAndCostsNoTokenRequest() {
		cognitoIssuesANewTokenEachTime();
		cognito.stubFor(get("/elsewhere").willReturn(okJson("{}")));
		runner().run((context) -> {
			WebClient orders = context.getBean("cognitoWebClient", WebClient.class);
			String body = orders.get()
				.uri(cognito.baseUrl() + "/elsewhere")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("{}");
			cognito.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			cognito.verify(getRequestedFor(urlEqualTo("/elsewhere")).withHeader("Authorization", absent()));
		});
	}

	@Test
	void theWebClientAndTheRestClientShareOneTokenCache() {
		cognitoIssuesANewTokenEachTime();
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			call(context.getBean("cognitoWebClient", WebClient.class));
			context.getBean("cognitoRestClient", RestClient.class).get().uri("/orders").retrieve().body(String.class);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void namedClientsOnlyGiveNoDefaultWebClient() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoClientCredentialsAutoConfiguration.class,
					CognitoReactiveClientCredentialsAutoConfiguration.class))
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs",
					"cognito.endpoints.token-uri=" + cognito.baseUrl() + TOKEN_PATH,
					"cognito.client-credentials.clients.inventory.client-id=4pq2m2mclientid00000000000",
					"cognito.client-credentials.clients.inventory.client-secret=secret-secret-secret",
					"cognito.client-credentials.clients.inventory.base-url=" + api.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("cognitoWebClient");
				assertThat(context.getBean(CognitoReactiveClientCredentials.class).clientNames())
					.containsExactly("inventory");
			});
	}

	@Test
	void withoutWebClientOnTheClasspathThereIsNoReactiveClient() {
		runner().withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoReactiveClientCredentials.class)
				.hasBean("cognitoRestClient"));
	}

	@Test
	void applicationsOwnCognitoWebClientWins() {
		runner().withBean("cognitoWebClient", WebClient.class, () -> WebClient.create("http://own.example"))
			.run((context) -> assertThat(context).getBean("cognitoWebClient")
				.isNotSameAs(context.getBean(CognitoReactiveClientCredentials.class).webClient("default")));
	}

}
