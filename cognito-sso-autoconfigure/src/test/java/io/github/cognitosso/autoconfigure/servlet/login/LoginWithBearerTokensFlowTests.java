package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.util.Map;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.BadJwtException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login in the same chain as bearer-token validation, as when the starter's
 * resource server is on: a customizer ordered before login's adds
 * {@code oauth2ResourceServer}. API requests then get the resource server's bearer
 * challenge, browser navigations still the login redirect.
 */
@SpringBootTest(classes = { LoginTestApplication.class, LoginWithBearerTokensFlowTests.BearerTokens.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginWithBearerTokensFlowTests extends LoginFlowTestSupport {

	@Test
	void apiRequestWithoutTokenGetsTheBearerChallenge() {
		HttpResponse<String> api = this.browser.get(app("/me"), Map.of("Accept", "application/json"));

		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void invalidBearerTokenIsRejectedByTheResourceServer() {
		HttpResponse<String> api = this.browser.get(app("/me"),
				Map.of("Accept", "application/json", "Authorization", "Bearer not-a-valid-token"));

		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("invalid_token"));
	}

	@Test
	void browserNavigationStillSignsInThroughCognito() {
		assertThat(Browser.query(startSignIn("/me"))).containsEntry("client_id", ScriptedCognito.CLIENT_ID);
	}

	@Configuration(proxyBeanMethods = false)
	static class BearerTokens {

		@Bean
		@Order(0)
		CognitoHttpSecurityCustomizer bearerTokens() {
			return (http) -> http
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder((token) -> {
					throw new BadJwtException("not a token of this pool");
				})));
		}

	}

}
