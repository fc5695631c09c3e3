package io.github.cognitosso.docs.gettingstarted;

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
 * The rules of the chain in docs/getting-started.md, with the Cognito set-up applied to
 * it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class OwnRulesTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	RestTestClient http;

	@BeforeEach
	void http() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void homePageIsPublic() {
		this.http.get()
			.uri("/")
			.header("Accept", "text/html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Welcome");
	}

	@Test
	void otherPagesSendBrowsersToCognito() {
		this.http.get()
			.uri("/account")
			.header("Accept", "text/html")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("http://localhost:" + this.port + "/oauth2/authorization/cognito");
	}

	@Test
	void adminAreaNeedsGroupAdmin() {
		this.http.get()
			.uri("/admin/report")
			.headers((headers) -> headers.setBearerAuth(token("alice")))
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/admin/report")
			.headers((headers) -> headers.setBearerAuth(token("bob")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private String token(String username) {
		return this.cognito.tokens().accessToken(this.cognito.user(username), "demo-client", "openid");
	}

}
