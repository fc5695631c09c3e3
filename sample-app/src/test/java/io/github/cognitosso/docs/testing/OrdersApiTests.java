package io.github.cognitosso.docs.testing;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * docs/testing.md, "In a Spring Boot test": real HTTP requests with minted tokens.
 */
// tag::api-test[]
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class OrdersApiTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	RestTestClient api;

	@BeforeEach
	void api() {
		this.api = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void tokenWithTheScopeReadsOrders() {
		String token = this.cognito.tokens().accessToken(this.cognito.user("alice"), "demo-client", "demo-api/read");
		this.api.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("[\"order-1\",\"order-2\"]");
	}

	@Test
	void tokenWithoutTheScopeIsForbidden() {
		String token = this.cognito.tokens().accessToken(this.cognito.user("bob"), "demo-client", "openid");
		this.api.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
// end::api-test[]
