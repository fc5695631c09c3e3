package io.github.cognitosso.sample.reactive;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cognito.login.failure-url} and {@code cognito.login.forbidden-url} on WebFlux:
 * the browser is sent to the application's own pages instead of the built-in ones, with
 * the OAuth error code of a failed sign-in; API-style calls still get a bare 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cognito.login.failure-url=/signin-problem", "cognito.login.forbidden-url=/no-access" })
@EnableCognitoSimulator(config = "cognito-simulator.yml", clientId = "sample-client")
class ReactiveOwnErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	CognitoSimulator cognito;

	final Browser browser = new Browser();

	@Test
	void aFailedSignInIsSentToTheApplicationsPageWithTheErrorCode() {
		this.browser.navigate(app("/me"));

		EntityExchangeResult<String> callback = this.browser
			.navigate(app("/login/oauth2/code/cognito?code=forged&state=forged"));

		assertThat(callback.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(callback).toString())
			.isEqualTo(app("/signin-problem?error=authorization_request_not_found"));
	}

	@Test
	void aForbiddenPageSendsTheBrowserToTheApplicationsPageAndAnApiCallGetsABare403() {
		this.browser.signIn(app("/me"), this.cognito.baseUrl(), "bob", "bob-password");

		EntityExchangeResult<String> admin = this.browser.navigate(app("/admin"));
		EntityExchangeResult<String> api = this.browser.get(app("/admin"), "application/json");

		assertThat(admin.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(admin).getPath()).isEqualTo("/no-access");
		assertThat(api.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.getResponseBody()).isNull();
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

}
