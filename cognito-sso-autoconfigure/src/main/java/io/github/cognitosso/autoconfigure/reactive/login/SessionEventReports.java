package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoErrorCodes;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;

/**
 * Sign-ins and sign-outs reported as {@link BrowserSessionEvent}s on WebFlux. The servlet
 * login reads them from Spring Security's {@code AuthenticationSuccessEvent} and
 * {@code LogoutSuccessEvent}, which WebFlux's login and logout filters do not publish, so
 * here the chain's pieces report them: the code exchange's authentication manager its
 * successes, the failure handler each failure with its OAuth error code (as the servlet
 * failure handler does), the logout success handler each sign-out.
 */
final class SessionEventReports {

	private SessionEventReports() {
	}

	/**
	 * @param manager the code exchange's authentication manager
	 * @param instrumentation where sign-ins are reported, read at each one
	 * @return the manager, reporting each successful sign-in
	 */
	static ReactiveAuthenticationManager signIns(ReactiveAuthenticationManager manager,
			Supplier<CognitoInstrumentation> instrumentation) {
		return (authentication) -> manager.authenticate(authentication)
			.doOnNext((signedIn) -> instrumentation.get()
				.browserSessionEvent(BrowserSessionEvent.SIGN_IN, CognitoErrorCodes.SUCCESS));
	}

	/**
	 * @param handler the failure handler
	 * @param instrumentation where failed sign-ins are reported, read at each one
	 * @return the handler, reporting each failed sign-in with its error code
	 */
	static ServerAuthenticationFailureHandler failedSignIns(ServerAuthenticationFailureHandler handler,
			Supplier<CognitoInstrumentation> instrumentation) {
		return (exchange, exception) -> {
			String code = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError().getErrorCode()
					: "authentication_failed";
			instrumentation.get().browserSessionEvent(BrowserSessionEvent.SIGN_IN, CognitoErrorCodes.bounded(code));
			return handler.onAuthenticationFailure(exchange, exception);
		};
	}

	/**
	 * The success handler, not a logout handler: it runs once per logout, after every
	 * logout handler.
	 * @param handler the logout success handler
	 * @param instrumentation where sign-outs are reported, read at each one
	 * @return the handler, reporting a sign-out of each signed-in user
	 */
	static ServerLogoutSuccessHandler signOuts(ServerLogoutSuccessHandler handler,
			Supplier<CognitoInstrumentation> instrumentation) {
		return (exchange, authentication) -> {
			if (authentication != null) {
				instrumentation.get().browserSessionEvent(BrowserSessionEvent.SIGN_OUT, CognitoErrorCodes.SUCCESS);
			}
			return handler.onLogoutSuccess(exchange, authentication);
		};
	}

}
