package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a random port, Cognito in WireMock, and a cookie-keeping browser
 * that walks the sign-in one hop at a time.
 */
@SpringBootTest(classes = LoginTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LoginFlowTestSupport {

	static final ScriptedCognito cognito = ScriptedCognito.instance();

	static final String SCOPE = "openid email profile";

	@LocalServerPort
	int port;

	Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		registry.add("cognito.user-pool-id", () -> ScriptedCognito.POOL_ID);
		registry.add("cognito.domain", cognito::domain);
		registry.add("cognito.issuer-uri", cognito::issuer);
		registry.add("cognito.client-id", () -> ScriptedCognito.CLIENT_ID);
		// Off unless a test class sets login-flow.resource-server=true (a subclass cannot
		// override this registration).
		registry.add("cognito.resource-server.enabled", () -> "${login-flow.resource-server:false}");
	}

	@BeforeEach
	void resetCognito() {
		cognito.reset();
	}

	String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Opens a protected page and follows the application's redirects up to Cognito's
	 * authorize endpoint.
	 * @return the authorize URL the browser is sent to
	 */
	URI startSignIn(String path) {
		HttpResponse<String> page = this.browser.navigate(app(path));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(Browser.location(page).getPath()).isEqualTo("/oauth2/authorization/cognito");
		HttpResponse<String> start = this.browser.follow(page);
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = Browser.location(start);
		assertThat(authorize.toString()).startsWith(cognito.domain() + "/oauth2/authorize?");
		return authorize;
	}

	/**
	 * Lets the hosted UI redirect back with a code and the state, and delivers that
	 * redirect to the application.
	 * @return the application's answer to the callback
	 */
	HttpResponse<String> completeSignIn(URI authorize) {
		HttpResponse<String> hostedUi = this.browser.navigate(authorize.toString());
		assertThat(hostedUi.statusCode()).isEqualTo(302);
		return this.browser.follow(hostedUi);
	}

	/**
	 * The whole sign-in of a user whose tokens Cognito issues with the given access-token
	 * lifetime.
	 * @return the page the user asked for, after sign-in
	 */
	HttpResponse<String> signIn(CognitoUser user, String path, long expiresIn, String refreshToken, Instant authTime) {
		URI authorize = startSignIn(path);
		String nonce = Browser.query(authorize).get("nonce");
		cognito.stubToken(ScriptedCognito.tokenResponse(cognito.sign(cognito.idTokenClaims(user, nonce, authTime)),
				cognito.sign(cognito.accessTokenClaims(user, SCOPE, authTime)), refreshToken, expiresIn));
		HttpResponse<String> callback = completeSignIn(authorize);
		assertThat(callback.statusCode()).as("callback answer: %s", callback.body()).isEqualTo(302);
		HttpResponse<String> landing = this.browser.follow(callback);
		assertThat(landing.statusCode()).isEqualTo(200);
		return landing;
	}

	HttpResponse<String> signIn(CognitoUser user) {
		return signIn(user, "/me", 3600, "refresh-token-1", Instant.now());
	}

	/**
	 * @return a CSRF token of the current session, as a page with a form would embed it
	 */
	Map<String, String> csrfField() {
		HttpResponse<String> csrf = this.browser.get(app("/csrf"), Map.of("Accept", "application/json"));
		assertThat(csrf.statusCode()).isEqualTo(200);
		String parameter = com.jayway.jsonpath.JsonPath.read(csrf.body(), "$.parameterName");
		String token = com.jayway.jsonpath.JsonPath.read(csrf.body(), "$.token");
		return Map.of(parameter, token);
	}

	/**
	 * @return the decoded form fields of a request WireMock received
	 */
	static Map<String, String> form(LoggedRequest request) {
		return Browser.query(URI.create("http://form/?" + request.getBodyAsString()));
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
