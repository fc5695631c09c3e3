package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import io.github.cognitosso.autoconfigure.core.LoginFailure;
import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoErrorCodes;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
		LoginFailure failure = LoginFailure.of(code);
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
		LoginPages.write(response, failure.status().value(), "Sign-in failed", failure.message(), "error: " + code,
				request.getContextPath() + this.retryPath, "Sign in again");
	}

	private static void log(LoginFailure failure, AuthenticationException exception) {
		String description = (exception instanceof OAuth2AuthenticationException oauth2) ? describe(oauth2.getError())
				: exception.getMessage();
		// Parts of it come from the callback's query string: no forged log lines, no
		// terminal escapes.
		description = ControlCharacters.strip(description);
		if (failure == LoginFailure.DECLINED) {
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

}
