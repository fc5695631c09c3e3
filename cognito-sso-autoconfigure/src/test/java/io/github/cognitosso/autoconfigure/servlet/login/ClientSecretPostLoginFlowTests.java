package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confidential client configured for client_secret_post, and without PKCE.
 */
@TestPropertySource(properties = { "cognito.client-secret=" + ScriptedCognito.CLIENT_SECRET,
		"cognito.login.client-authentication-method=client-secret-post", "cognito.login.pkce=false" })
class ClientSecretPostLoginFlowTests extends LoginFlowTestSupport {

	@Test
	void tokenRequestCarriesTheCredentialsAsFormFields() {
		signIn(CognitoUser.alice());

		LoggedRequest tokenRequest = cognito.tokenRequests().get(0);
		assertThat(tokenRequest.containsHeader("Authorization")).isFalse();
		assertThat(form(tokenRequest)).containsEntry("client_id", ScriptedCognito.CLIENT_ID)
			.containsEntry("client_secret", ScriptedCognito.CLIENT_SECRET)
			.doesNotContainKey("code_verifier");
	}

	@Test
	void authorizeRequestHasNoPkceWhenSwitchedOff() {
		assertThat(Browser.query(startSignIn("/me"))).doesNotContainKeys("code_challenge", "code_challenge_method");
	}

	@Test
	void revocationStillUsesHttpBasicAsCognitoRequires() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(cognito.revokeRequests().get(0).getHeader("Authorization"))
			.isEqualTo(basic(ScriptedCognito.CLIENT_ID, ScriptedCognito.CLIENT_SECRET));
		assertThat(form(cognito.revokeRequests().get(0))).containsEntry("token", "refresh-token-1")
			.doesNotContainKey("client_secret");
	}

}
