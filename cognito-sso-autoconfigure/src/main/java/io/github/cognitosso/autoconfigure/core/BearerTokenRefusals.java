package io.github.cognitosso.autoconfigure.core;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * What a refused bearer token is answered with, on every web stack (RFC 6750): the error
 * code and status, an {@code error_description} that names the check that failed (the
 * first failed Cognito validator rather than Spring's generic "An error occurred while
 * attempting to decode the Jwt"), and the JSON body that repeats them. The servlet and
 * the WebFlux entry points only write what this class decides, so both stacks answer a
 * token alike.
 * <p>
 * Public for the web adapters; not an application API.
 */
public final class BearerTokenRefusals {

	private BearerTokenRefusals() {
	}

	/**
	 * @param exception the refusal
	 * @return the refusal as the answer should state it: 401 with the failed check's
	 * description (403 {@code insufficient_scope} with the scopes to ask for), every text
	 * {@link #headerSafe header-safe}; anything else than an OAuth2 refusal unchanged
	 */
	public static AuthenticationException normalize(AuthenticationException exception) {
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
	 * The body of a refusal: the header's answer again as JSON ({@code status},
	 * {@code error}, {@code error_description}), so an API caller sees why in the
	 * response and not only in a header.
	 * @param status the answer's status
	 * @param exception the refusal, {@link #normalize normalized}
	 * @return the JSON text (its texts are header-safe, so they need no escaping)
	 */
	public static String jsonBody(int status, AuthenticationException exception) {
		String error = "unauthorized";
		String description = "Send a Cognito access token in the Authorization header: Bearer <token>";
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			error = headerSafe(oauth2.getError().getErrorCode());
			if (oauth2.getError().getDescription() != null) {
				description = headerSafe(oauth2.getError().getDescription());
			}
		}
		return "{\"status\":" + status + ",\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
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
	 * @param value the text, or {@code null}
	 * @return the text without other characters
	 */
	public static String headerSafe(String value) {
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
