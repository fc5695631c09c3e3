package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;

import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import io.github.cognitosso.autoconfigure.core.LoginFailure;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Ends a failed sign-in on the page that says what happened (the core's
 * {@link LoginFailure}: declined, a response of no sign-in of this browser's, an identity
 * that failed verification, Cognito misbehaving), or redirects to
 * {@code cognito.login.failure-url} with the OAuth error code in {@code error}. Never
 * Spring Security's {@code /login?error}, whose "Invalid credentials" is wrong here.
 */
final class CognitoServerAuthenticationFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(CognitoServerAuthenticationFailureHandler.class);

	private final String failureUrl;

	private final ServerRedirectStrategy redirectStrategy = new DefaultServerRedirectStrategy();

	/**
	 * @param failureUrl where to redirect, or {@code null} for the built-in page
	 */
	CognitoServerAuthenticationFailureHandler(String failureUrl) {
		this.failureUrl = failureUrl;
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		String code = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError().getErrorCode()
				: "authentication_failed";
		LoginFailure failure = LoginFailure.of(code);
		log(failure, exception);
		if (this.failureUrl != null) {
			URI target = UriComponentsBuilder.fromUriString(this.failureUrl)
				.queryParam("error", "{code}")
				.encode()
				.buildAndExpand(code)
				.toUri();
			return this.redirectStrategy.sendRedirect(webFilterExchange.getExchange(), target);
		}
		return ServerLoginPages.write(webFilterExchange.getExchange(), failure.status(), "Sign-in failed",
				failure.message(), "error: " + code, "Sign in again");
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
