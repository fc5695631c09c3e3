package io.github.cognitosso.autoconfigure.servlet.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that calls the application itself through {@code cognitoRestClient}, its base
 * URL naming the random port of the test's server:
 * {@code http://localhost:${local.server.port}}, unknown when the client is created.
 */
@SpringBootTest(classes = ClientCredentialsLocalServerPortTests.SelfCallingApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.resource-server.enabled=false",
				"cognito.client-credentials.client-id=" + ClientCredentialsWireMockSupport.CLIENT_ID,
				"cognito.client-credentials.client-secret=" + ClientCredentialsWireMockSupport.SECRET,
				"cognito.client-credentials.base-url=http://localhost:${local.server.port}/api" })
class ClientCredentialsLocalServerPortTests {

	private static final WireMockServer cognito = new WireMockServer(
			wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	static {
		cognito.start();
		cognito.stubFor(post(urlPathEqualTo(ClientCredentialsWireMockSupport.TOKEN_PATH))
			.willReturn(ClientCredentialsWireMockSupport.tokenResponse("machine-token-1", 3600)));
	}

	@Autowired
	@Qualifier("cognitoRestClient")
	private RestClient orders;

	@DynamicPropertySource
	static void tokenEndpoint(DynamicPropertyRegistry registry) {
		registry.add("cognito.endpoints.token-uri",
				() -> cognito.baseUrl() + ClientCredentialsWireMockSupport.TOKEN_PATH);
	}

	@AfterAll
	static void stopCognito() {
		cognito.stop();
	}

	@Test
	void baseUrlWithTheLocalServerPortReachesTheApplicationWithTheMachineToken() {
		String answer = this.orders.get().uri("/orders").retrieve().body(String.class);

		assertThat(answer).isEqualTo("orders for Bearer machine-token-1");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrdersController.class)
	static class SelfCallingApplication {

		@Bean
		SecurityFilterChain openChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

	@RestController
	static class OrdersController {

		@GetMapping("/api/orders")
		String orders(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
			return "orders for " + authorization;
		}

	}

}
