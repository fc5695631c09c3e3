package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login with the starter's resource server in the same chain: a bearer header
 * does not exempt a request that carries the user's session from CSRF protection (the
 * CSRF and logout filters run before the token is validated).
 */
@TestPropertySource(properties = "login-flow.resource-server=true")
class BearerHeaderCsrfBypassFlowTests extends LoginFlowTestSupport {

	@Test
	void logoutWithAMalformedBearerHeaderAndTheSessionCookieButNoCsrfTokenIsForbiddenAndTheSessionSurvives() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), Map.of(), Map.of("Authorization", "Bearer x"));

		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(cognito.revokeRequests()).isEmpty();
		HttpResponse<String> me = this.browser.get(app("/me"), Map.of("Accept", "application/json"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"alice\"");
	}

	@Test
	void aSchemeThatOnlyStartsWithBearerLeavesTheSessionInCharge() {
		signIn(CognitoUser.alice());

		HttpResponse<String> me = this.browser.get(app("/me"),
				Map.of("Accept", "application/json", "Authorization", "Bearerx abc"));

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"alice\"");
	}

	@Test
	void logoutWithASchemeThatOnlyStartsWithBearerButNoCsrfTokenIsForbiddenAsWithoutTheHeader() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), Map.of(),
				Map.of("Authorization", "Bearerx abc"));

		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(cognito.revokeRequests()).isEmpty();
	}

}
