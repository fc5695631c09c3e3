package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.BearerTokenRefusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a refused bearer token as RFC 6750 describes, through Spring's
 * {@link BearerTokenAuthenticationEntryPoint}: 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."}, where
 * the description names the check that failed (the first failed Cognito validator rather
 * than Spring's generic "An error occurred while attempting to decode the Jwt"). A token
 * without a required scope gets 403 {@code insufficient_scope} with the scopes to ask
 * for.
 * <p>
 * Requests refused before any token is read (two {@code Authorization} headers) get 401
 * too, with {@code error="invalid_request"}: a client that sent a credential learns that
 * it was not accepted.
 * <p>
 * The body repeats the answer as JSON ({@code status}, {@code error},
 * {@code error_description}), so an API caller without a token, or with a refused one,
 * sees why in the response and not only in a header.
 */
final class CognitoBearerTokenEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint delegate = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		AuthenticationException normalized = normalize(authException);
		this.delegate.commence(request, response, normalized);
		if (!response.isCommitted()) {
			writeBody(response, normalized);
		}
	}

	/**
	 * The header is what RFC 6750 clients read; the JSON body says the same for a
	 * developer looking at the response ({@link BearerTokenRefusals#jsonBody}).
	 */
	private static void writeBody(HttpServletResponse response, AuthenticationException exception) throws IOException {
		byte[] body = BearerTokenRefusals.jsonBody(response.getStatus(), exception).getBytes(StandardCharsets.UTF_8);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static AuthenticationException normalize(AuthenticationException exception) {
		return BearerTokenRefusals.normalize(exception);
	}

	static String headerSafe(String value) {
		return BearerTokenRefusals.headerSafe(value);
	}

}
