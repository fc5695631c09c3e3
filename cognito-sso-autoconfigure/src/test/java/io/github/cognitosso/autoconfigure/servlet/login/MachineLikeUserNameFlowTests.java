package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client:} names machine callers
 * ({@code CognitoAuthentication.MACHINE_NAME_PREFIX}): a user who registered a user name
 * of that shape cannot sign in under a machine's name.
 */
class MachineLikeUserNameFlowTests extends LoginFlowTestSupport {

	@Test
	void userWhoRegisteredAMachinesNameCannotSignInUnderIt() {
		CognitoUser alice = CognitoUser.alice();
		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		Map<String, Object> claims = cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), now);
		claims.put("cognito:username", "client:orders-service");
		cognito.stubToken(ScriptedCognito.tokenResponse(cognito.sign(claims),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));

		HttpResponse<String> callback = completeSignIn(authorize);

		assertThat(callback.statusCode()).isEqualTo(401);
		assertThat(callback.body()).contains("invalid_user").doesNotContain("Exception");
		assertThat(this.browser.navigate(app("/me")).statusCode()).isEqualTo(302);
	}

}
