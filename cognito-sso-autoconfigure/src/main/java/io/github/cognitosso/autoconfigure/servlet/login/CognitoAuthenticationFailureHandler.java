package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoErrorCodes;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Ends a failed sign-in on a page that says what happened: the user declined or Cognito
 * refused ({@code error=access_denied}), the response does not belong to a sign-in
 * started in this browser (a forged or replayed {@code state}), the ID token could not be
 * verified, or Cognito's token endpoint misbehaved. With
 * {@code cognito.login.failure-url} set, the browser is redirected there instead, with
 * the OAuth error code in the {@code error} query parameter.
 */
final class CognitoAuthenticationFailureHandler implements AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(CognitoAuthenticationFailureHandler.class);

	private final String failureUrl;

	private final String retryPath;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	/**
	 * @param failureUrl where to redirect, or {@code null} for the built-in page
	 * @param retryPath the application path that starts a new sign-in
	 */
	private final Supplier<CognitoInstrumentation> instrumentation;

	/**
	 * @param failureUrl where to redirect, or {@code null} for the built-in page
	 * @param retryPath the application path that starts a new sign-in
	 */
	CognitoAuthenticationFailureHandler(String failureUrl, String retryPath) {
		this(failureUrl, retryPath, () -> CognitoInstrumentation.NONE);
	}

	/**
	 * @param failureUrl where to redirect, or {@code null} for the built-in page
	 * @param retryPath the application path that starts a new sign-in
	 * @param instrumentation where each failed sign-in is reported, with its error code
	 */
	CognitoAuthenticationFailureHandler(String failureUrl, String retryPath,
			Supplier<CognitoInstrumentation> instrumentation) {
		this.failureUrl = failureUrl;
		this.retryPath = retryPath;
		this.instrumentation = instrumentation;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError().getErrorCode()
				: "authentication_failed";
		Failure failure = Failure.of(code);
		log(failure, exception);
		this.instrumentation.get().browserSessionEvent(BrowserSessionEvent.SIGN_IN, CognitoErrorCodes.bounded(code));
		if (this.failureUrl != null) {
			String target = UriComponentsBuilder.fromUriString(this.failureUrl)
				.queryParam("error", "{code}")
				.encode()
				.buildAndExpand(code)
				.toUriString();
			this.redirectStrategy.sendRedirect(request, response, target);
			return;
		}
		LoginPages.write(response, failure.status.value(), "Sign-in failed", failure.message, "error: " + code,
				request.getContextPath() + this.retryPath, "Sign in again");
	}

	private static void log(Failure failure, AuthenticationException exception) {
		String description = (exception instanceof OAuth2AuthenticationException oauth2) ? describe(oauth2.getError())
				: exception.getMessage();
		// Parts of it come from the callback's query string: no forged log lines, no
		// terminal escapes.
		description = ControlCharacters.strip(description);
		if (failure == Failure.DECLINED) {
			if (logger.isDebugEnabled()) {
				logger.debug("Sign-in declined: " + description);
			}
		}
		else if (logger.isWarnEnabled()) {
			logger.warn("Sign-in failed: " + description);
		}
	}

	private static String describe(OAuth2Error error) {
		return (error.getDescription() != null) ? error.getErrorCode() + " (" + error.getDescription() + ")"
				: error.getErrorCode();
	}

	/** The kinds of failure a user can tell apart, each with its message and status. */
	enum Failure {

		DECLINED(HttpStatus.UNAUTHORIZED,
				"The sign-in was cancelled, or Amazon Cognito did not allow it. You are not signed in."),

		FOREIGN_RESPONSE(HttpStatus.UNAUTHORIZED,
				"This sign-in response does not belong to a sign-in started in this browser, or it was already used "
						+ "or expired. You are not signed in."),

		UNVERIFIED(HttpStatus.UNAUTHORIZED,
				"The identity Amazon Cognito sent could not be verified, so it was not accepted. You are not signed in."),

		PROVIDER_ERROR(HttpStatus.BAD_GATEWAY,
				"Amazon Cognito did not answer the sign-in properly. Please try again in a moment."),

		UNVERIFIED_EMAIL(HttpStatus.UNAUTHORIZED,
				"This application names you by your email address, and Amazon Cognito has not verified it yet. "
						+ "Verify your email address with Amazon Cognito, then sign in again. You are not signed in."),

		OTHER(HttpStatus.UNAUTHORIZED, "The sign-in did not complete. You are not signed in.");

		private final HttpStatus status;

		private final String message;

		Failure(HttpStatus status, String message) {
			this.status = status;
			this.message = message;
		}

		static Failure of(String code) {
			return switch (code) {
				case "access_denied", "unauthorized_client", "invalid_scope", "login_required", "interaction_required",
						"consent_required" ->
					DECLINED;
				case "authorization_request_not_found", "invalid_state_parameter", "invalid_redirect_uri_parameter",
						"client_registration_not_found", "invalid_grant" ->
					FOREIGN_RESPONSE;
				case "invalid_id_token", "invalid_nonce", "invalid_user" -> UNVERIFIED;
				case CognitoOidcUserService.UNVERIFIED_EMAIL -> UNVERIFIED_EMAIL;
				case "invalid_token_response", "invalid_user_info_response", "server_error", "temporarily_unavailable",
						"invalid_client" ->
					PROVIDER_ERROR;
				default -> OTHER;
			};
		}

	}

}
