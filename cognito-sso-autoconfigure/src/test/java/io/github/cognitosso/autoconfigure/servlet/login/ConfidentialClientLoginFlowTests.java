package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sign-in, refresh and logout over real HTTP with a confidential app client
 * (client_secret_basic, PKCE).
 */
@TestPropertySource(properties = "cognito.client-secret=" + ScriptedCognito.CLIENT_SECRET)
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialClientLoginFlowTests extends LoginFlowTestSupport {

	@Test
	void signedInUserIsTheCognitoUserWithNameEmailAndGroups() {
		HttpResponse<String> me = signIn(CognitoUser.alice());

		assertThat((String) JsonPath.read(me.body(), "$.name")).isEqualTo("alice");
		assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo("alice@example.com");
		assertThat((Boolean) JsonPath.read(me.body(), "$.emailVerified")).isTrue();
		assertThat((List<String>) JsonPath.read(me.body(), "$.groups")).containsExactly("admin", "staff");
		assertThat((List<String>) JsonPath.read(me.body(), "$.authorities")).contains("ROLE_admin", "ROLE_staff",
				"SCOPE_openid", "SCOPE_email", "SCOPE_profile");
	}

	@Test
	void protectedPageSendsTheBrowserToCognitosAuthorizeEndpointWithPkceAndNonce() {
		Map<String, String> authorize = Browser.query(startSignIn("/me"));

		assertThat(authorize).containsEntry("response_type", "code")
			.containsEntry("client_id", ScriptedCognito.CLIENT_ID)
			.containsEntry("scope", "openid email profile")
			.containsEntry("redirect_uri", app("/login/oauth2/code/cognito"))
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge");
	}

	@Test
	void tokenRequestAuthenticatesWithHttpBasicAndCarriesThePkceVerifier() {
		URI authorize = startSignIn("/me");
		String challenge = Browser.query(authorize).get("code_challenge");
		signInWith(authorize, CognitoUser.alice());

		LoggedRequest tokenRequest = cognito.tokenRequests().get(0);
		Map<String, String> form = form(tokenRequest);
		assertThat(tokenRequest.getHeader("Authorization"))
			.isEqualTo(basic(ScriptedCognito.CLIENT_ID, ScriptedCognito.CLIENT_SECRET));
		assertThat(form).containsEntry("grant_type", "authorization_code")
			.containsEntry("code", "the-authorization-code")
			.containsEntry("redirect_uri", app("/login/oauth2/code/cognito"))
			.doesNotContainKey("client_secret");
		assertThat(s256(form.get("code_verifier"))).isEqualTo(challenge);
	}

	@Test
	void tamperedStateIsRejectedOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		HttpResponse<String> hostedUi = this.browser.navigate(authorize.toString());
		String callback = Browser.location(hostedUi).toString();
		String state = Browser.query(Browser.location(hostedUi)).get("state");

		HttpResponse<String> answer = this.browser.navigate(callback.replace(state, "forged" + state.substring(6)));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Sign-in failed")
			.contains("does not belong to a sign-in started in this browser")
			.contains("authorization_request_not_found")
			.doesNotContain("Exception");
		assertThat(cognito.tokenRequests()).isEmpty();
		assertNotSignedIn();
	}

	@Test
	void idTokenWithAnotherNonceIsRejectedOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		CognitoUser alice = CognitoUser.alice();
		cognito.stubToken(ScriptedCognito.tokenResponse(
				cognito.sign(cognito.idTokenClaims(alice, "nonce-of-another-sign-in", now)),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));

		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("could not be verified").contains("invalid_nonce");
		assertNotSignedIn();
	}

	@Test
	void idTokenFromAnotherIssuerIsRejectedOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		CognitoUser alice = CognitoUser.alice();
		Map<String, Object> claims = new HashMap<>(
				cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), now));
		claims.put("iss", "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_OtherPool");
		cognito.stubToken(ScriptedCognito.tokenResponse(cognito.sign(claims),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));

		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("invalid_id_token");
		assertNotSignedIn();
	}

	@Test
	void accessDeniedFromCognitoEndsOnTheErrorPage() {
		cognito.stubAuthorize(aResponse().withStatus(302)
			.withHeader("Location",
					"{{request.query.redirect_uri}}?error=access_denied&error_description=User+cancelled&state={{request.query.state}}")
			.withTransformers("response-template"));

		HttpResponse<String> answer = completeSignIn(startSignIn("/me"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("The sign-in was cancelled").contains("access_denied");
		assertThat(cognito.tokenRequests()).isEmpty();
		assertNotSignedIn();
	}

	@Test
	void errorCodeFromTheCallbackIsShownEscaped() {
		cognito.stubAuthorize(aResponse().withStatus(302)
			.withHeader("Location",
					"{{request.query.redirect_uri}}?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state={{request.query.state}}")
			.withTransformers("response-template"));

		HttpResponse<String> answer = completeSignIn(startSignIn("/me"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void controlCharactersInCognitosErrorDescriptionCannotForgeOrHideLogLines(CapturedOutput output) {
		String description = "bad\u0000 \u001b[31mred\u001b[0m\ttab\u2028line\u2029paragraph\u202eevil\u0085next"
				+ "\r\n2026-01-01 WARN forged";
		cognito.stubAuthorize(aResponse().withStatus(302)
			.withHeader("Location",
					"{{request.query.redirect_uri}}?error=server_error&error_description="
							+ java.net.URLEncoder.encode(description, java.nio.charset.StandardCharsets.UTF_8)
							+ "&state={{request.query.state}}")
			.withTransformers("response-template"));

		HttpResponse<String> answer = completeSignIn(startSignIn("/me"));

		assertThat(answer.statusCode()).isEqualTo(502);
		String line = output.getOut()
			.lines()
			.filter((logLine) -> logLine.contains("Sign-in failed: server_error"))
			.findFirst()
			.orElseThrow();
		assertThat(line).endsWith("(bad   [31mred [0m tab line paragraph evil next 2026-01-01 WARN forged)");
		assertThat(
				line.codePoints().filter((c) -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202e))
			.isEmpty();
		assertThat(output.getOut()).doesNotContain("\n2026-01-01 WARN forged");
	}

	@Test
	void tokenEndpointServerErrorEndsOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		cognito.stubToken(aResponse().withStatus(500).withBody("<html>Internal error</html>"));

		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("did not answer the sign-in properly").contains("invalid_token_response");
		assertNotSignedIn();
	}

	@Test
	void tokenEndpointClientErrorWithAnHtmlBodyEndsOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		cognito.stubToken(aResponse().withStatus(400).withHeader("Content-Type", "text/html").withBody("<h1>no</h1>"));

		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("invalid_token_response");
	}

	@Test
	void malformedTokenResponseEndsOnTheErrorPage() {
		URI authorize = startSignIn("/me");
		cognito.stubToken(okJson("{\"access_token\": 42, \"garbage"));

		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("Sign-in failed").contains("invalid_token_response");
		assertNotSignedIn();
	}

	@Test
	void apiStyleRequestsWithoutSessionGet401() {
		assertThat(this.browser.get(app("/me"), Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
		assertThat(this.browser.get(app("/me"), Map.of("Accept", "*/*")).statusCode()).isEqualTo(401);
		assertThat(this.browser
			.get(app("/me"), Map.of("Accept", Browser.NAVIGATION_ACCEPT, "X-Requested-With", "XMLHttpRequest"))
			.statusCode()).isEqualTo(401);
		assertThat(this.browser
			.get(app("/me"), Map.of("Accept", Browser.NAVIGATION_ACCEPT, "Authorization", "Bearer some-token"))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void userWithoutTheGroupGetsThe403Page() {
		signIn(CognitoUser.bob());

		HttpResponse<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("Access denied").contains("You are signed in as bob");
	}

	@Test
	void userInTheGroupPassesHasRole() {
		signIn(CognitoUser.alice());

		HttpResponse<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).isEqualTo("admin area");
	}

	@Test
	void logoutRevokesTheRefreshTokenThenRedirectsToCognitoLogoutWithClientIdAndLogoutUri() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(logout.statusCode()).isEqualTo(302);
		URI cognitoLogout = Browser.location(logout);
		assertThat(cognitoLogout.getScheme() + "://" + cognitoLogout.getAuthority() + cognitoLogout.getPath())
			.isEqualTo(cognito.domain() + "/logout");
		assertThat(Browser.query(cognitoLogout)).containsOnly(Map.entry("client_id", ScriptedCognito.CLIENT_ID),
				Map.entry("logout_uri", app("/")));
		assertThat(cognito.revokeRequests()).hasSize(1);
		LoggedRequest revoke = cognito.revokeRequests().get(0);
		assertThat(form(revoke)).containsEntry("token", "refresh-token-1");
		assertThat(revoke.getHeader("Authorization"))
			.isEqualTo(basic(ScriptedCognito.CLIENT_ID, ScriptedCognito.CLIENT_SECRET));
		assertNotSignedIn();
	}

	@Test
	void logoutUriInARequestParameterIsIgnored() {
		signIn(CognitoUser.alice());
		Map<String, String> form = new HashMap<>(csrfField());
		form.put("logout_uri", "https://evil.example.com/");
		form.put("redirect_uri", "https://evil.example.com/");

		HttpResponse<String> logout = this.browser.post(app("/logout?logout_uri=https://evil.example.com/"), form);

		assertThat(Browser.query(Browser.location(logout)))
			.containsOnly(Map.entry("client_id", ScriptedCognito.CLIENT_ID), Map.entry("logout_uri", app("/")));
	}

	@Test
	void failedRevocationIsLoggedAndLogoutGoesOn(CapturedOutput output) {
		signIn(CognitoUser.alice());
		cognito.stubRevoke(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"unsupported_token_type\"}"));

		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(Browser.location(logout).getPath()).isEqualTo("/logout");
		assertThat(output).contains("Could not revoke the refresh token").contains("unsupported_token_type");
		assertThat(output).doesNotContain("refresh-token-1");
		assertNotSignedIn();
	}

	@Test
	void logoutWithoutCsrfTokenIsRefusedAndTheUserStaysSignedIn() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), Map.of());

		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(logout.body()).contains("Page expired");
		assertThat(cognito.revokeRequests()).isEmpty();
		assertThat(this.browser.navigate(app("/me")).statusCode()).isEqualTo(200);
	}

	@Test
	void expiredAccessTokenIsRefreshedOnceAndTheSessionGoesOn() {
		CognitoUser alice = CognitoUser.alice();
		Instant authTime = Instant.now().minusSeconds(10);
		URI authorize = startSignIn("/me");
		// Cognito hands out an access token that is already within Spring Security's
		// clock skew of expiring. The
		// refresh brings new tokens (the ID token keeps the original auth_time, the user
		// joined a group) and, with
		// rotation on, a new refresh token.
		CognitoUser promoted = new CognitoUser(alice.sub(), alice.username(), alice.email(),
				List.of("admin", "staff", "auditors"));
		String refreshedAccessToken = cognito.sign(cognito.accessTokenClaims(promoted, SCOPE, authTime));
		cognito.stubTokenGrants(
				ScriptedCognito.tokenResponse(
						cognito.sign(cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), authTime)),
						cognito.sign(cognito.accessTokenClaims(alice, SCOPE, authTime)), "refresh-token-1", 30),
				ScriptedCognito.tokenResponse(cognito.sign(cognito.idTokenClaims(promoted, null, authTime)),
						refreshedAccessToken, "refresh-token-2", 3600));
		HttpResponse<String> callback = completeSignIn(authorize);
		assertThat(callback.statusCode()).isEqualTo(302);
		// The first page after sign-in already finds the access token expired, and
		// refreshes it.
		assertThat(this.browser.follow(callback).statusCode()).isEqualTo(200);

		HttpResponse<String> first = this.browser.get(app("/token"), Map.of("Accept", "application/json"));
		HttpResponse<String> second = this.browser.get(app("/token"), Map.of("Accept", "application/json"));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(first.body(), "$.accessToken")).isEqualTo(refreshedAccessToken);
		assertThat((String) JsonPath.read(second.body(), "$.accessToken")).isEqualTo(refreshedAccessToken);
		assertThat((String) JsonPath.read(second.body(), "$.scopes")).isEqualTo(SCOPE);
		List<Map<String, String>> refreshes = cognito.tokenRequests()
			.stream()
			.map(LoginFlowTestSupport::form)
			.filter((form) -> "refresh_token".equals(form.get("grant_type")))
			.toList();
		assertThat(refreshes).hasSize(1);
		assertThat(refreshes.get(0)).containsEntry("refresh_token", "refresh-token-1");
		HttpResponse<String> me = this.browser.navigate(app("/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(me.body(), "$.authorities")).contains("ROLE_auditors");

		// Cognito rotated the refresh token: logout revokes the new one.
		this.browser.post(app("/logout"), csrfField());
		assertThat(form(cognito.revokeRequests().get(0))).containsEntry("token", "refresh-token-2");
	}

	private void signInWith(URI authorize, CognitoUser user) {
		Instant now = Instant.now();
		cognito.stubToken(ScriptedCognito.tokenResponse(
				cognito.sign(cognito.idTokenClaims(user, Browser.query(authorize).get("nonce"), now)),
				cognito.sign(cognito.accessTokenClaims(user, SCOPE, now)), "refresh-token-1", 3600));
		HttpResponse<String> callback = completeSignIn(authorize);
		assertThat(callback.statusCode()).isEqualTo(302);
	}

	private void assertNotSignedIn() {
		HttpResponse<String> me = this.browser.navigate(app("/me"));
		assertThat(me.statusCode()).isEqualTo(302);
		assertThat(Browser.location(me).getPath()).isEqualTo("/oauth2/authorization/cognito");
	}

}
