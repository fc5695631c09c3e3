package io.github.cognitosso.autoconfigure.core;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * Observes one call to a Cognito endpoint made for a browser session (token, revoke,
 * userInfo) as {@code cognito.session.request}, tagged with the endpoint and the outcome
 * (Cognito's error code, bounded), and reports the outcome as a
 * {@link BrowserSessionEvent} when the call is one. Stack-neutral, so the servlet and the
 * reactive login adapters observe the same calls the same way.
 * <p>
 * Public for the web adapters; not an application API.
 */
public final class CognitoCalls {

	/** The observation's name. */
	public static final String OBSERVATION = "cognito.session.request";

	private CognitoCalls() {
	}

	/**
	 * @param <T> the call's result
	 * @param instrumentation where the call is observed and its outcome reported
	 * @param endpoint {@code token}, {@code revoke} or {@code userinfo}
	 * @param event the session event the call's outcome is, or {@code null} when it is
	 * part of a larger one (userInfo during a sign-in)
	 * @param call the call
	 * @return the call's result
	 */
	public static <T> T observe(CognitoInstrumentation instrumentation, String endpoint, BrowserSessionEvent event,
			Supplier<T> call) {
		Observation observation = Observation.createNotStarted(OBSERVATION, instrumentation.observationRegistry())
			.contextualName("cognito " + endpoint)
			.lowCardinalityKeyValue("endpoint", endpoint)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = call.get();
			observation.lowCardinalityKeyValue("outcome", CognitoErrorCodes.SUCCESS);
			if (event != null) {
				instrumentation.browserSessionEvent(event, CognitoErrorCodes.SUCCESS);
			}
			return result;
		}
		catch (RuntimeException ex) {
			String outcome = outcome(ex);
			observation.lowCardinalityKeyValue("outcome", outcome).error(ex);
			if (event != null) {
				instrumentation.browserSessionEvent(event, outcome);
			}
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * @param failure what a call to Cognito threw
	 * @return Cognito's OAuth error code when the failure carries a known one, else
	 * {@value CognitoErrorCodes#OTHER}
	 */
	public static String outcome(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof OAuth2AuthorizationException authorization) {
				String code = CognitoErrorCodes.bounded(authorization.getError().getErrorCode());
				if (!CognitoErrorCodes.OTHER.equals(code)) {
					return code;
				}
			}
			if (candidate instanceof OAuth2AuthenticationException authentication) {
				String code = CognitoErrorCodes.bounded(authentication.getError().getErrorCode());
				if (!CognitoErrorCodes.OTHER.equals(code)) {
					return code;
				}
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return CognitoErrorCodes.OTHER;
	}

}
