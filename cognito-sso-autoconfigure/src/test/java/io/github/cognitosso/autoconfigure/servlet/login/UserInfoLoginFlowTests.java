package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * userInfo switched on, users named by email (as Kong's guide does), and Cognito's string
 * booleans.
 */
@TestPropertySource(properties = { "cognito.client-secret=" + ScriptedCognito.CLIENT_SECRET,
		"cognito.login.user-info-enabled=true", "cognito.login.user-name-attribute=email" })
class UserInfoLoginFlowTests extends LoginFlowTestSupport {

	@Test
	void userInfoAttributesJoinTheUserAndStringBooleansDoNotBreakSignIn() {
		CognitoUser alice = CognitoUser.alice();
		// Cognito's userInfo: "username" rather than "cognito:username", no groups,
		// booleans as strings.
		cognito.stubUserInfo(okJson("{\"sub\":\"" + alice.sub() + "\",\"username\":\"alice\","
				+ "\"email\":\"alice@example.com\",\"email_verified\":\"true\",\"custom:team\":\"blue\"}"));
		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		Map<String, Object> idToken = new java.util.HashMap<>(
				cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), now));
		idToken.put("email_verified", "true");
		cognito.stubToken(ScriptedCognito.tokenResponse(cognito.sign(idToken),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));

		HttpResponse<String> me = this.browser.follow(completeSignIn(authorize));

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.name")).isEqualTo("alice@example.com");
		assertThat((Boolean) JsonPath.read(me.body(), "$.emailVerified")).isTrue();
		assertThat((List<String>) JsonPath.read(me.body(), "$.attributes")).contains("custom:team", "username");
		assertThat((List<String>) JsonPath.read(me.body(), "$.authorities")).contains("ROLE_admin");
		cognito.server().verify(1, getRequestedFor(urlPathEqualTo("/oauth2/userInfo")));
	}

	@Test
	void userInfoAboutAnotherUserIsRejected() {
		cognito.stubUserInfo(okJson("{\"sub\":\"someone-else\",\"username\":\"mallory\"}"));

		URI authorize = startSignIn("/me");
		Instant now = Instant.now();
		CognitoUser alice = CognitoUser.alice();
		cognito.stubToken(ScriptedCognito.tokenResponse(
				cognito.sign(cognito.idTokenClaims(alice, Browser.query(authorize).get("nonce"), now)),
				cognito.sign(cognito.accessTokenClaims(alice, SCOPE, now)), "refresh-token-1", 3600));
		HttpResponse<String> answer = completeSignIn(authorize);

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("invalid_user_info_response");
	}

}
