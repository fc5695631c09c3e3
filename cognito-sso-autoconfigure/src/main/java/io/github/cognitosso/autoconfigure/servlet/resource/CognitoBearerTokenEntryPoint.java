package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
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
	 * developer looking at the response. Both texts are {@link #headerSafe header-safe},
	 * so they need no JSON escaping.
	 */
	private static void writeBody(HttpServletResponse response, AuthenticationException exception) throws IOException {
		String error = "unauthorized";
		String description = "Send a Cognito access token in the Authorization header: Bearer <token>";
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			error = headerSafe(oauth2.getError().getErrorCode());
			if (oauth2.getError().getDescription() != null) {
				description = headerSafe(oauth2.getError().getDescription());
			}
		}
		byte[] body = ("{\"status\":" + response.getStatus() + ",\"error\":\"" + error + "\",\"error_description\":\""
				+ description + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static AuthenticationException normalize(AuthenticationException exception) {
		if (!(exception instanceof OAuth2AuthenticationException oauth2)) {
			return exception;
		}
		OAuth2Error error = failedCheck(oauth2);
		String code = error.getErrorCode();
		String scope = null;
		HttpStatus status = HttpStatus.UNAUTHORIZED;
		if (BearerTokenErrorCodes.INSUFFICIENT_SCOPE.equals(code)) {
			status = HttpStatus.FORBIDDEN;
			scope = (error instanceof BearerTokenError bearer) ? bearer.getScope() : null;
		}
		BearerTokenError normalized = new BearerTokenError(code, status, headerSafe(error.getDescription()), null,
				headerSafe(scope));
		return new OAuth2AuthenticationException(normalized, exception);
	}

	/**
	 * The first failed validator, when the token failed validation; the exception's own
	 * error otherwise.
	 */
	private static OAuth2Error failedCheck(OAuth2AuthenticationException exception) {
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException validation && !validation.getErrors().isEmpty()) {
				return validation.getErrors().iterator().next();
			}
		}
		return exception.getError();
	}

	/**
	 * Keeps only the characters RFC 6750 allows in a quoted parameter (printable ASCII
	 * without {@code "} and {@code \}), so a description can never break or inject into
	 * the header.
	 */
	static String headerSafe(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder safe = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
			if (!allowed && safe == null) {
				safe = new StringBuilder(value.length()).append(value, 0, i);
			}
			if (safe != null && allowed) {
				safe.append(c);
			}
		}
		return (safe != null) ? safe.toString() : value;
	}

}
