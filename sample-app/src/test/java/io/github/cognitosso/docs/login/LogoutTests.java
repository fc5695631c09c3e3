package io.github.cognitosso.docs.login;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-out form of docs/login.md, written without a template engine, ends both
 * sessions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class LogoutTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void browser() {
		this.browser = new Browser(this.cognito, this.port);
	}

	@Test
	void signOutFormEndsTheApplicationAndTheCognitoSession() {
		this.browser.signIn("/me", "alice", "alice-password").expectStatus().isOk();
		MultiValueMap<String, String> form = Browser.hiddenFields(this.browser.get("/"));
		assertThat(form).containsKey("_csrf");
		int cognitoSessions = this.cognito.activeSessions();

		// The form's post: the application revokes the refresh token, Cognito ends its
		// session and sends the
		// browser back to the home page.
		String afterLogout = this.browser.client()
			.post()
			.uri("/logout")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(afterLogout).contains("<form method=\"post\" action=\"/logout\">");
		this.cognito.wireMock().verify(postRequestedFor(urlPathEqualTo("/oauth2/revoke")));
		assertThat(this.cognito.activeSessions()).isEqualTo(cognitoSessions - 1);
		// Signed out at Cognito too: the next page asks for credentials again.
		assertThat(this.browser.get("/me")).contains("<form id=\"signin\"");
	}

	@Test
	void signOutWithoutTheCsrfTokenIsRefused() {
		this.browser.signIn("/me", "alice", "alice-password").expectStatus().isOk();
		this.browser.client().post().uri("/logout").exchange().expectStatus().isForbidden();
	}

}
