package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login and bearer tokens in one application, as the starter sets them up by
 * default: a controller method that takes a {@code CognitoAuthentication} serves a
 * signed-in browser user and a bearer-token caller alike.
 */
@TestPropertySource(properties = "login-flow.resource-server=true")
@ExtendWith(OutputCaptureExtension.class)
class CognitoAuthenticationForEveryCallerFlowTests extends LoginFlowTestSupport {

	@Test
	void browserUserReachesAControllerThatTakesCognitoAuthentication(CapturedOutput output) {
		signIn(CognitoUser.alice());

		HttpResponse<String> caller = this.browser.get(app("/caller"), Map.of("Accept", "application/json"));

		assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(caller.body(), "$.name")).isEqualTo("alice");
		assertThat((String) JsonPath.read(caller.body(), "$.username")).isEqualTo("alice");
		assertThat((List<String>) JsonPath.read(caller.body(), "$.groups")).containsExactly("admin", "staff");
		assertThat((List<String>) JsonPath.read(caller.body(), "$.scopes")).containsExactlyInAnyOrder("openid", "email",
				"profile");
		assertThat((String) JsonPath.read(caller.body(), "$.clientId")).isEqualTo(ScriptedCognito.CLIENT_ID);
		assertThat((String) JsonPath.read(caller.body(), "$.tokenUse")).isEqualTo("id");
		assertThat((Boolean) JsonPath.read(caller.body(), "$.machine")).isFalse();
		assertThat((String) JsonPath.read(caller.body(), "$.email")).isEqualTo("alice@example.com");
		assertThat(this.browser.get(app("/users-only"), Map.of()).statusCode()).isEqualTo(200);
		assertThat(output).doesNotContain("alice@example.com");
	}

	@Test
	void bearerCallerReachesTheSameController() {
		String accessToken = cognito.sign(cognito.accessTokenClaims(CognitoUser.alice(), SCOPE, Instant.now()));

		HttpResponse<String> caller = this.browser.get(app("/caller"),
				Map.of("Accept", "application/json", "Authorization", "Bearer " + accessToken));

		assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(caller.body(), "$.name")).isEqualTo("alice");
		assertThat((List<String>) JsonPath.read(caller.body(), "$.groups")).containsExactly("admin", "staff");
		assertThat((List<String>) JsonPath.read(caller.body(), "$.scopes")).containsExactly("openid", "email",
				"profile");
		assertThat((String) JsonPath.read(caller.body(), "$.tokenUse")).isEqualTo("access");
		assertThat((Boolean) JsonPath.read(caller.body(), "$.machine")).isFalse();
	}

}
