package io.github.cognitosso.autoconfigure.core;

import io.micrometer.observation.ObservationRegistry;

/**
 * What the core reports about its work, for health, metrics and tracing: the verdicts of
 * the bearer-token decoder, the outcomes of machine-to-machine token requests, and the
 * {@link ObservationRegistry} that the key-set fetch and the token requests are observed
 * with. Stack-neutral (plain Java and the Micrometer Observation API that Spring's web
 * client already depends on): the servlet and the reactive adapters build their core
 * objects the same way and get the same reports.
 * <p>
 * The starter's {@code actuate} package provides the implementation (Micrometer meters
 * and the {@code cognito} health contributor) when Actuator is on the class path; without
 * it every object uses {@link #NONE}. Every argument is a bounded value, never a token, a
 * user or a free-form message. Implementations must be fast and must not throw: they run
 * on the request thread.
 */
public interface CognitoInstrumentation {

	/** Reports nothing and observes nothing. */
	CognitoInstrumentation NONE = new CognitoInstrumentation() {
	};

	/**
	 * @return the registry the key-set fetch ({@code cognito.jwks.fetch}) and the
	 * machine-to-machine token requests ({@code cognito.token.request}) are observed with
	 */
	default ObservationRegistry observationRegistry() {
		return ObservationRegistry.NOOP;
	}

	/**
	 * A bearer token passed every check of the decoder (from the validated-token cache or
	 * verified).
	 */
	default void bearerTokenAccepted() {
	}

	/**
	 * The decoder refused a bearer token.
	 * @param reason the check that failed
	 */
	default void bearerTokenRejected(BearerTokenRejection reason) {
	}

	/**
	 * A machine-to-machine client's token request to Cognito ended (calls that fail fast
	 * during a back-off send no request and are not reported).
	 * @param clientName the client's configured name
	 * @param outcome {@code success}, or the failure's error code bounded by
	 * {@link CognitoErrorCodes#bounded}
	 */
	default void tokenRequestCompleted(String clientName, String outcome) {
	}

	/**
	 * A step of a browser session ended.
	 * @param event the step
	 * @param outcome {@code success}, or Cognito's (or Spring Security's) error code
	 * bounded by {@link CognitoErrorCodes#bounded}
	 */
	default void browserSessionEvent(BrowserSessionEvent event, String outcome) {
	}

}
