package io.github.cognitosso.docs.login;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /orders} snippet of docs/login.md sends the signed-in user's access token to
 * the orders API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class OrdersTests {

	static final WireMockServer ordersApi = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	@DynamicPropertySource
	static void ordersApi(DynamicPropertyRegistry registry) {
		ordersApi.start();
		registry.add("orders-api.base-url", ordersApi::baseUrl);
	}

	@AfterAll
	static void stopOrdersApi() {
		ordersApi.stop();
	}

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	@BeforeEach
	void ordersApiAnswers() {
		ordersApi.stubFor(get("/orders").willReturn(okJson("[{\"id\":\"order-1\"}]")));
	}

	@Test
	void ordersAreFetchedWithTheUsersAccessToken() throws Exception {
		new Browser(this.cognito, this.port).signIn("/orders", "alice", "alice-password")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[{\"id\": \"order-1\"}]");
		LoggedRequest request = ordersApi.findAll(getRequestedFor(urlPathEqualTo("/orders"))).get(0);
		String token = request.getHeader("Authorization").substring("Bearer ".length());
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).containsEntry("username", "alice")
			.containsEntry("token_use", "access");
	}

}
