package io.github.cognitosso.autoconfigure.actuate;

import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoErrorCodes;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;

/**
 * Reports the successful sign-ins through the Cognito registration and the sign-outs from
 * Spring Security's own events (its authentication manager publishes the first, its
 * logout filter the second), so they are counted whichever success and logout handlers
 * the application's chain has; failed sign-ins are reported, with their error code, by
 * the starter's failure handler.
 */
final class BrowserSessionEventListener implements ApplicationListener<AbstractAuthenticationEvent> {

	private final Supplier<CognitoInstrumentation> instrumentation;

	BrowserSessionEventListener(Supplier<CognitoInstrumentation> instrumentation) {
		this.instrumentation = instrumentation;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (event instanceof AuthenticationSuccessEvent
				&& event.getAuthentication() instanceof OAuth2LoginAuthenticationToken login
				&& "cognito".equals(login.getClientRegistration().getRegistrationId())) {
			this.instrumentation.get().browserSessionEvent(BrowserSessionEvent.SIGN_IN, CognitoErrorCodes.SUCCESS);
		}
		else if (event instanceof LogoutSuccessEvent) {
			this.instrumentation.get().browserSessionEvent(BrowserSessionEvent.SIGN_OUT, CognitoErrorCodes.SUCCESS);
		}
	}

}
