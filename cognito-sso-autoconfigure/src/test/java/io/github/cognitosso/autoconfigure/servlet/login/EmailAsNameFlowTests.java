package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cognito.login.user-name-attribute=email}: the email names the user only once
 * Cognito has verified it, so a user who sets their email to someone else's address does
 * not sign in under that person's name.
 */
@TestPropertySource(properties = "cognito.login.user-name-attribute=email")
class EmailAsNameFlowTests extends LoginFlowTestSupport {

	@Test
	void verifiedEmailNamesTheUser() {
		HttpResponse<String> me = signInWithEmailVerified(true);

		assertThat(me.statusCode()).isEqualTo(302);
		HttpResponse<String> landing = this.browser.follow(me);
		assertThat((String) JsonPath.read(landing.body(), "$.name")).isEqualTo("alice@example.com");
	}

	@Test
	void unverifiedEmailOfSomeoneElseCannotBecomeTheUsersName() {
		HttpResponse<String> callback = signInWithEmailVerified(false);

		assertThat(callback.statusCode()).isEqualTo(401);
		assertThat(callback.body()).contains("has not verified it")
			.contains("unverified_email")
			.doesNotContain("Exception");
		assertThat(this.browser.navigate(app("/me")).statusCode()).isEqualTo(302);
	}

	@Test
	void unverifiedEmailAsCognitosStringFalseIsRefusedToo() {
		HttpResponse<String> callback = signInWithEmailVerified("false");

		assertThat(callback.statusCode()).isEqualTo(401);
		assertThat(callback.body()).contains("unverified_email");
	}

	@Test
	void verifiedEmailAsCognitosStringTrueNamesTheUser() {
		HttpResponse<String> callback = signInWithEmailVerified("true");

		assertThat(callback.statusCode()).isEqualTo(302);
	}

	/**
	 * @return the application's answer to the callback
	 */
	private HttpResponse<String> signInWithEmailVerified(Object emailVerified) {
		CognitoUser alice = CognitoUser.alice();
		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		Map<String, Object> claims = cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), now);
		claims.put("email_verified", emailVerified);
		cognito.stubToken(ScriptedCognito.tokenResponse(cognito.sign(claims),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));
		return completeSignIn(authorize);
	}

}
