package io.github.cognitosso.sample.reactive;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive sample signed in to over real HTTP, through the simulated managed login of
 * {@code cognito-simulator.yml} (the users the sample prints: alice in group admin, bob
 * in none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator(config = "cognito-simulator.yml", clientId = "sample-client")
class ReactiveSignInTests {

	@LocalServerPort
	int port;

	@Autowired
	CognitoSimulator cognito;

	final Browser browser = new Browser();

	@BeforeEach
	void forgetEarlierRequests() {
		this.cognito.wireMock().resetRequests();
	}

	@Test
	void aliceSignsInThroughTheManagedLoginWithPkceAndSeesHerGroupsAsRoles() {
		EntityExchangeResult<String> start = this.browser.follow(this.browser.navigate(app("/me")));
		assertThat(Browser.location(start).toString()).startsWith(this.cognito.baseUrl() + "/oauth2/authorize")
			.contains("code_challenge_method=S256")
			.contains("nonce=");

		EntityExchangeResult<String> me = signIn("/me", "alice");

		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
		assertThat(Browser.text(me.getResponseBody(), "groups")).isEqualTo("admin");
		assertThat(Browser.text(me.getResponseBody(), "authorities")).contains("ROLE_admin", "SCOPE_openid");
	}

	@Test
	void aliceOpensTheAdminPage() {
		signIn("/me", "alice");

		EntityExchangeResult<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(admin.getResponseBody(), "admin")).contains("Welcome, alice");
	}

	@Test
	void bobGetsTheForbiddenPageForTheAdminPage() {
		signIn("/me", "bob");

		EntityExchangeResult<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.getResponseBody()).contains("<h1>Access denied</h1>")
			.contains("You are signed in as bob, but this page needs a permission you do not have.");
	}

	@Test
	void signOutRevokesTheRefreshTokenAndEndsTheCognitoSessionToo() {
		signIn("/me", "alice");
		MultiValueMap<String, String> form = Browser.hiddenFields(this.browser.navigate(app("/")).getResponseBody());
		assertThat(form).containsKey("_csrf");

		EntityExchangeResult<String> logout = this.browser.post(app("/logout"), form);

		assertThat(logout.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(Browser.location(logout).toString()).isEqualTo(this.cognito.baseUrl()
				+ "/logout?client_id=sample-client&logout_uri=http%3A%2F%2Flocalhost%3A" + this.port + "%2F");
		assertThat(this.cognito.wireMock().findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke")))).hasSize(1);
		EntityExchangeResult<String> home = this.browser.land(logout);
		assertThat(Browser.text(home.getResponseBody(), "greeting")).contains("You are not signed in.");
		// No silent sign-in: the Cognito session ended, so its sign-in form comes back.
		EntityExchangeResult<String> again = this.browser.land(this.browser.navigate(app("/me")));
		assertThat(again.getResponseBody()).contains("signin-button");
	}

	@Test
	void aSignOutFormWithAStaleCsrfTokenGetsThePageExpiredPage() {
		signIn("/me", "alice");
		MultiValueMap<String, String> form = Browser.hiddenFields(this.browser.navigate(app("/")).getResponseBody());
		form.set("_csrf", "stale-token-from-an-old-tab");

		EntityExchangeResult<String> logout = this.browser.post(app("/logout"), form);

		assertThat(logout.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(logout.getResponseBody()).contains("<h1>Page expired</h1>").doesNotContain("CSRF token");
		assertThat(this.cognito.wireMock().findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke")))).isEmpty();
	}

	@Test
	void aForgedSignInResponseEndsOnTheSignInFailedPage() {
		this.browser.navigate(app("/me"));

		EntityExchangeResult<String> callback = this.browser
			.navigate(app("/login/oauth2/code/cognito?code=forged&state=forged"));

		assertThat(callback.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(callback.getResponseBody()).contains("<h1>Sign-in failed</h1>")
			.contains("does not belong to a sign-in started in this browser")
			.doesNotContain("Exception");
	}

	@Test
	void aDeclinedSignInSaysSo() {
		EntityExchangeResult<String> authorize = this.browser.follow(this.browser.navigate(app("/me")));
		String state = UriComponentsBuilder.fromUri(Browser.location(authorize))
			.build()
			.getQueryParams()
			.getFirst("state");

		EntityExchangeResult<String> callback = this.browser
			.navigate(app("/login/oauth2/code/cognito?error=access_denied&state=" + state));

		assertThat(callback.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(callback.getResponseBody()).contains("The sign-in was cancelled").contains("error: access_denied");
	}

	@Test
	void theApiAnswersACallWithoutATokenWithTheBearerChallengeNotARedirect() {
		EntityExchangeResult<String> api = this.browser.get(app("/api/hello"), "application/json");

		assertThat(api.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(api.getResponseHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(api.getResponseBody()).contains("\"status\":401").contains("\"error\":\"unauthorized\"");
	}

	@Test
	void theApiGreetsAliceByHerAccessTokenWithTheSampleAppsBody() {
		String token = this.cognito.tokens().accessToken(this.cognito.user("alice"), "sample-client", "openid");

		EntityExchangeResult<String> api = this.browser.get(app("/api/hello"), "application/json", "Bearer " + token);

		assertThat(api.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(api.getResponseBody()).isEqualTo("{\"message\":\"Hello, alice\",\"caller\":\"alice\","
				+ "\"machine\":false,\"clientId\":\"sample-client\",\"groups\":[\"admin\"],\"scopes\":[\"openid\"]}");
	}

	private EntityExchangeResult<String> signIn(String path, String user) {
		return this.browser.signIn(app(path), this.cognito.baseUrl(), user, user + "-password");
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

}
