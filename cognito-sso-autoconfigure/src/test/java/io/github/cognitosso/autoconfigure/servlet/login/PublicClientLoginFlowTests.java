package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public app client (no secret), as OpenMetadata and Kong use it: PKCE only, the client
 * id in the form.
 */
class PublicClientLoginFlowTests extends LoginFlowTestSupport {

	@Test
	void publicClientSignsInWithPkceAndSendsNoSecret() {
		URI authorize = startSignIn("/me");
		Map<String, String> parameters = Browser.query(authorize);
		Instant now = Instant.now();
		CognitoUser alice = CognitoUser.alice();
		cognito.stubToken(
				ScriptedCognito.tokenResponse(cognito.sign(cognito.idTokenClaims(alice, parameters.get("nonce"), now)),
						cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));

		HttpResponse<String> me = this.browser.follow(completeSignIn(authorize));

		assertThat((String) JsonPath.read(me.body(), "$.name")).isEqualTo("alice");
		assertThat(parameters).containsEntry("code_challenge_method", "S256");
		LoggedRequest tokenRequest = cognito.tokenRequests().get(0);
		Map<String, String> form = form(tokenRequest);
		assertThat(tokenRequest.containsHeader("Authorization")).isFalse();
		assertThat(form).containsEntry("client_id", ScriptedCognito.CLIENT_ID).doesNotContainKey("client_secret");
		assertThat(s256(form.get("code_verifier"))).isEqualTo(parameters.get("code_challenge"));
	}

	@Test
	void publicClientRevokesWithItsClientIdAtLogout() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(Browser.query(Browser.location(logout))).containsEntry("client_id", ScriptedCognito.CLIENT_ID);
		LoggedRequest revoke = cognito.revokeRequests().get(0);
		assertThat(revoke.containsHeader("Authorization")).isFalse();
		assertThat(form(revoke)).containsEntry("token", "refresh-token-1")
			.containsEntry("client_id", ScriptedCognito.CLIENT_ID);
	}

}
