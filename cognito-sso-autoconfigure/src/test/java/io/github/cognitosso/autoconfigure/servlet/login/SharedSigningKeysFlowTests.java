package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login and bearer-token validation verify with one key set: the ID token of a
 * sign-in and the bearer token of an API call after it cost Cognito one JWKS request. A
 * fresh context, so no earlier test has cached the keys.
 */
@TestPropertySource(properties = "login-flow.resource-server=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class SharedSigningKeysFlowTests extends LoginFlowTestSupport {

	@Test
	void signInFollowedByAnApiCallWithABearerTokenFetchesTheJwksOnce() {
		signIn(CognitoUser.alice());
		String accessToken = cognito.sign(cognito.accessTokenClaims(CognitoUser.alice(), SCOPE, Instant.now()));

		HttpResponse<String> api = new Browser().get(app("/caller"),
				Map.of("Accept", "application/json", "Authorization", "Bearer " + accessToken));

		assertThat(api.statusCode()).as("API answer: %s", api.body()).isEqualTo(200);
		assertThat(api.body()).contains("\"name\":\"alice\"").contains("\"tokenUse\":\"access\"");
		assertThat(cognito.server()
			.findAll(getRequestedFor(urlPathEqualTo("/" + ScriptedCognito.POOL_ID + "/.well-known/jwks.json"))))
			.hasSize(1);
	}

}
