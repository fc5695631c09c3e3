package io.github.cognitosso.autoconfigure.servlet.resource;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API callers read why they were refused in a JSON body as well as in
 * {@code WWW-Authenticate}.
 */
class CognitoBearerTokenEntryPointBodyTests {

	private final CognitoBearerTokenEntryPoint entryPoint = new CognitoBearerTokenEntryPoint();

	@Test
	void callerWithoutATokenGetsA401WithAJsonBodySayingWhatToSend() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.entryPoint.commence(new MockHttpServletRequest("GET", "/api/hello"), response,
				new InsufficientAuthenticationException("Full authentication is required"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).isEqualTo("{\"status\":401,\"error\":\"unauthorized\","
				+ "\"error_description\":\"Send a Cognito access token in the Authorization header: Bearer <token>\"}");
	}

	@Test
	void refusedTokenGetsTheSameErrorInTheBodyAsInTheHeader() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.entryPoint.commence(new MockHttpServletRequest("GET", "/api/hello"), response,
				new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "Expired \"token\"\n", null)));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).contains("error=\"invalid_token\"")
			.contains("error_description=\"Expired token\"");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"status\":401,\"error\":\"invalid_token\",\"error_description\":\"Expired token\"}");
	}

}
