package io.github.cognitosso.autoconfigure.servlet.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsTokenCachingTests extends ClientCredentialsWireMockSupport {

	@AfterEach
	void clearSignedInUser() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void hundredCallsCauseOneTokenRequest() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			for (int i = 0; i < 100; i++) {
				assertThat(orders.get().uri("/orders").retrieve().body(String.class)).isEqualTo("[]");
			}
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(100),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void tokenIsReplacedExactlyOnceWhenItReachesTheExpiryMargin() {
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(tokenResponse("token-1", 3600))
			.willSetStateTo("second"));
		cognito.stubFor(post(TOKEN_PATH).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willReturn(tokenResponse("token-2", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().withPropertyValues("cognito.client-credentials.expiry-margin=60s").run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			// Exactly at expiry minus the margin the token is still used...
			this.clock.advance(Duration.ofSeconds(3600 - 60));
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			// ...one second later it is replaced, once, for every following call.
			this.clock.advance(Duration.ofSeconds(1));
			for (int i = 0; i < 50; i++) {
				orders.get().uri("/orders").retrieve().toBodilessEntity();
			}
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(2),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
			api.verify(exactly(50),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void tokenRequestCarriesTheScopesAndBasicClientAuthentication() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			context.getBean("cognitoRestClient", RestClient.class).get().uri("/orders").retrieve().toBodilessEntity();
			String basic = Base64.getEncoder()
				.encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
			cognito.verify(exactly(1),
					postRequestedFor(urlEqualTo(TOKEN_PATH))
						.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
						.withHeader("Authorization", equalTo("Basic " + basic))
						.withFormParam("grant_type", equalTo("client_credentials"))
						.withFormParam("scope", equalTo("orders-api/read orders-api/write"))
						.withRequestBody(notContaining("client_secret")));
		});
	}

	@Test
	void clientSecretPostSendsTheCredentialsAsFormParameters() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().withPropertyValues("cognito.client-credentials.client-authentication-method=client-secret-post")
			.run((context) -> {
				context.getBean("cognitoRestClient", RestClient.class)
					.get()
					.uri("/orders")
					.retrieve()
					.toBodilessEntity();
				cognito.verify(exactly(1),
						postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization", absent())
							.withFormParam("grant_type", equalTo("client_credentials"))
							.withFormParam("client_id", equalTo(CLIENT_ID))
							.withFormParam("client_secret", equalTo(SECRET))
							.withFormParam("scope", equalTo("orders-api/read orders-api/write")));
			});
	}

	@Test
	void signedInUserDoesNotGetAMachineTokenOfTheirOwn() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("alice", "password", "ROLE_USER"));
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("bob", "password", "ROLE_USER"));
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(3),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void namedClientGetsItsOwnTokenForItsOwnScopesThroughTheInterceptor() {
		cognito.stubFor(post(TOKEN_PATH).withFormParam("scope", equalTo("orders-api/read orders-api/write"))
			.willReturn(tokenResponse("orders-token", 3600)));
		cognito.stubFor(post(TOKEN_PATH).withFormParam("scope", equalTo("inventory-api/read"))
			.willReturn(tokenResponse("inventory-token", 3600)));
		api.stubFor(get("/stock").willReturn(okJson("{}")));
		runner()
			.withPropertyValues("cognito.client-credentials.clients.inventory.scopes=inventory-api/read",
					"cognito.client-credentials.clients.inventory.token-origins=" + api.baseUrl())
			.run((context) -> {
				CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
				RestClient inventory = RestClient.builder()
					.baseUrl(api.baseUrl())
					.requestInterceptor(m2m.interceptor("inventory"))
					.build();
				inventory.get().uri("/stock").retrieve().toBodilessEntity();
				inventory.get().uri("/stock").retrieve().toBodilessEntity();
				cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
				api.verify(exactly(2), getRequestedFor(urlEqualTo("/stock")).withHeader("Authorization",
						equalTo("Bearer inventory-token")));
			});
	}

	@Test
	void customizerGivesAnyBuilderTheBaseUrlAndTheToken() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		runner().run((context) -> {
			CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
			RestClient orders = RestClient.builder().apply(m2m.customizer("default")).build();
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void httpExchangeInterfaceOnThePreBuiltClientSendsTheToken() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[\"o-1\"]")));
		runner().run((context) -> {
			RestClient restClient = context.getBean("cognitoRestClient", RestClient.class);
			OrdersApi orders = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
				.build()
				.createClient(OrdersApi.class);
			assertThat(orders.orders()).isEqualTo("[\"o-1\"]");
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void httpServiceGroupGetsTheTokenThroughAGroupConfigurer() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[\"o-1\"]")));
		runner().withUserConfiguration(OrdersHttpServices.class).run((context) -> {
			assertThat(context.getBean(OrdersApi.class).orders()).isEqualTo("[\"o-1\"]");
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void accessTokenIsAvailableForCallsTheInterceptorCannotReach() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600)));
		runner().run((context) -> {
			CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
			OAuth2AccessToken token = m2m.accessToken();
			assertThat(token.getTokenValue()).isEqualTo("token-1");
			assertThat(token.getExpiresAt()).isEqualTo(this.clock.instant().plusSeconds(3600));
			assertThat(m2m.accessToken("default")).isEqualTo(token);
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	/** The set-up docs/machine-to-machine.md shows for Spring's HTTP service groups. */
	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "orders", types = OrdersApi.class)
	static class OrdersHttpServices {

		@Bean
		RestClientHttpServiceGroupConfigurer cognitoOrders(CognitoClientCredentials m2m) {
			return (groups) -> groups.filterByName("orders")
				.forEachClient((group, builder) -> builder.apply(m2m.customizer("default")));
		}

	}

	interface OrdersApi {

		@GetExchange("/orders")
		String orders();

	}

}
