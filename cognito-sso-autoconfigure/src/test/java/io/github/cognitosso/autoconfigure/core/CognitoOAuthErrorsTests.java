package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoOAuthErrorsTests {

	private static final String INVALID_GRANT = "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh Token has expired\"}";

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 400, 401, 500, 503 })
	void cognitosErrorBodyIsReadWhateverTheStatus(int status) throws IOException {
		OAuth2Error error = CognitoOAuthErrors.translate(json(INVALID_GRANT, status), "fallback", "no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("invalid_grant");
		assertThat(error.getDescription()).isEqualTo("Refresh Token has expired");
	}

	@Test
	void errorCodeWithoutDescriptionIsKept() throws IOException {
		OAuth2Error error = CognitoOAuthErrors.translate(json("{\"error\":\"invalid_client\"}", 401), "fallback",
				"no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("invalid_client");
		assertThat(error.getDescription()).isNull();
	}

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 400, 502 })
	void htmlErrorPageGetsTheFallback(int status) throws IOException {
		MockClientHttpResponse page = new MockClientHttpResponse(
				"<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8), status);
		page.getHeaders().setContentType(MediaType.TEXT_HTML);

		OAuth2Error error = CognitoOAuthErrors.translate(page, "fallback", "no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("fallback");
		assertThat(error.getDescription()).isEqualTo("no OAuth error");
	}

	@Test
	void emptyBodyGetsTheFallback() throws IOException {
		OAuth2Error error = CognitoOAuthErrors.translate(new MockClientHttpResponse(new byte[0], 500), "fallback",
				"no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("fallback");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"error\":42}", "{\"error\":\"  \"}", "{\"message\":\"Internal server error\"}",
			"{\"error\":\"invalid_grant\"", "[\"invalid_grant\"]", "invalid_grant" })
	void jsonWithoutATextualErrorGetsTheFallback(String body) throws IOException {
		OAuth2Error error = CognitoOAuthErrors.translate(json(body, 400), "fallback", "no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("fallback");
	}

	@Test
	void bodyThatCannotBeReadGetsTheFallback() throws IOException {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("Connection reset");
			}

		};

		OAuth2Error error = CognitoOAuthErrors.translate(new MockClientHttpResponse(broken, 401), "fallback",
				"no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("fallback");
	}

	@Test
	void bodyLargerThanAnyCognitoErrorGetsTheFallback() throws IOException {
		String huge = "{\"error\":\"invalid_grant\",\"padding\":\"" + "x".repeat(CognitoOAuthErrors.MAX_BYTES) + "\"}";

		OAuth2Error error = CognitoOAuthErrors.translate(json(huge, 400), "fallback", "no OAuth error");

		assertThat(error.getErrorCode()).isEqualTo("fallback");
	}

	@Test
	void bodyGivenAsTextIsReadTheSameWay() {
		assertThat(CognitoOAuthErrors.translate(401, INVALID_GRANT, "fallback", null).getErrorCode())
			.isEqualTo("invalid_grant");
		assertThat(CognitoOAuthErrors.translate(500, null, "fallback", null).getErrorCode()).isEqualTo("fallback");
	}

	private static MockClientHttpResponse json(String body, int status) {
		MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8), status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response;
	}

}
