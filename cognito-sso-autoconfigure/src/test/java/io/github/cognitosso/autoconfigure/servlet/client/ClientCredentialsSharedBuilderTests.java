package io.github.cognitosso.autoconfigure.servlet.client;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose {@code RestClient.Builder} bean is a singleton (Spring Boot's is a
 * prototype): the starter builds its clients from copies, so the shared builder never
 * gains a machine client's interceptor or base URL.
 */
class ClientCredentialsSharedBuilderTests extends ClientCredentialsWireMockSupport {

	private static final String INVENTORY_ID = "7zz2m2minventory0000000000";

	private static final String INVENTORY_SECRET = "never-shown-inventory-secret-0123456789abcdefghijk";

	@BeforeEach
	void eachAppClientGetsItsOwnToken() {
		cognito.stubFor(
				post(TOKEN_PATH).withBasicAuth(CLIENT_ID, SECRET).willReturn(tokenResponse("default-token", 3600)));
		cognito.stubFor(post(TOKEN_PATH).withBasicAuth(INVENTORY_ID, INVENTORY_SECRET)
			.willReturn(tokenResponse("inventory-token", 3600)));
		api.stubFor(get("/public").willReturn(okJson("{}")));
		api.stubFor(get("/stock").willReturn(okJson("{}")));
	}

	@Test
	void singletonBuilderBeanDoesNotHandTheMachineTokenToRestClientsBuiltLater() {
		sharedBuilderApplication().run((context) -> {
			assertThat(context).hasNotFailed();
			RestClient plain = context.getBean(RestClient.Builder.class).build();
			plain.get().uri(api.baseUrl() + "/public").retrieve().toBodilessEntity();
			api.verify(exactly(1), getRequestedFor(urlEqualTo("/public")).withHeader("Authorization", absent()));
			cognito.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void twoNamedClientsOnASingletonBuilderEachSendOnlyTheirOwnToken() {
		sharedBuilderApplication().run((context) -> {
			CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
			m2m.restClient("inventory").get().uri("/stock").retrieve().toBodilessEntity();
			api.verify(exactly(1), getRequestedFor(urlEqualTo("/stock")).withHeader("Authorization",
					equalTo("Bearer inventory-token")));
			// The inventory call asked for the inventory token only.
			cognito.verify(exactly(0),
					postRequestedFor(urlEqualTo(TOKEN_PATH)).withBasicAuth(new BasicCredentials(CLIENT_ID, SECRET)));
			m2m.restClient("default").get().uri("/stock").retrieve().toBodilessEntity();
			api.verify(exactly(1),
					getRequestedFor(urlEqualTo("/stock")).withHeader("Authorization", equalTo("Bearer default-token")));
			cognito.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	private ApplicationContextRunner sharedBuilderApplication() {
		return runner().withUserConfiguration(SingletonRestClientBuilder.class)
			.withPropertyValues("cognito.client-credentials.clients.inventory.client-id=" + INVENTORY_ID,
					"cognito.client-credentials.clients.inventory.client-secret=" + INVENTORY_SECRET,
					"cognito.client-credentials.clients.inventory.scopes=inventory-api/read",
					"cognito.client-credentials.clients.inventory.base-url=" + api.baseUrl());
	}

	@Configuration(proxyBeanMethods = false)
	static class SingletonRestClientBuilder {

		@Bean
		RestClient.Builder restClientBuilder() {
			return RestClient.builder();
		}

	}

}
