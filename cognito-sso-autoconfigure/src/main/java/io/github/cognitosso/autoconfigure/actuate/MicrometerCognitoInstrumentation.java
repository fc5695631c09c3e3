package io.github.cognitosso.autoconfigure.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cognitosso.autoconfigure.core.BearerTokenRejection;
import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoErrorCodes;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The core's reports as Micrometer meters, plus the last token-request outcome of each
 * machine-to-machine client for the health contributor.
 * <p>
 * Every counter of {@code cognito.bearer.validations} is registered up front, one per
 * reason, so a dashboard's rates exist (at zero) before the first refusal and the set of
 * time series never grows with traffic. The key fetch and the token requests are
 * Observations, so Boot's meter handler turns them into the timers
 * {@code cognito.jwks.fetch} and {@code cognito.token.request}, and a tracing set-up into
 * spans.
 */
final class MicrometerCognitoInstrumentation implements CognitoInstrumentation {

	static final String VALIDATIONS = "cognito.bearer.validations";

	static final String SESSIONS = "cognito.browser.sessions";

	private final MeterRegistry meterRegistry;

	private final ObservationRegistry observationRegistry;

	private final Counter accepted;

	private final Map<BearerTokenRejection, Counter> rejected = new EnumMap<>(BearerTokenRejection.class);

	private final Map<String, TokenRequestOutcome> lastTokenRequests = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * @param meterRegistry where the counters go, or {@code null} for none
	 * @param observationRegistry the registry of the observations, or {@code null} for
	 * none
	 * @param clock stamps the token requests' outcomes
	 */
	MicrometerCognitoInstrumentation(MeterRegistry meterRegistry, ObservationRegistry observationRegistry,
			Clock clock) {
		this.observationRegistry = (observationRegistry != null) ? observationRegistry : ObservationRegistry.NOOP;
		this.clock = clock;
		this.meterRegistry = meterRegistry;
		this.accepted = (meterRegistry != null) ? validations(meterRegistry, "valid", "none") : null;
		if (meterRegistry != null) {
			for (BearerTokenRejection reason : BearerTokenRejection.values()) {
				this.rejected.put(reason, validations(meterRegistry, "invalid", reason.tagValue()));
			}
			for (BrowserSessionEvent event : BrowserSessionEvent.values()) {
				sessions(meterRegistry, event, CognitoErrorCodes.SUCCESS);
			}
		}
	}

	/**
	 * The outcome is a bounded code ({@link CognitoErrorCodes#bounded}), so the counters
	 * registered on demand stay a fixed, small set.
	 */
	private static Counter sessions(MeterRegistry registry, BrowserSessionEvent event, String outcome) {
		return Counter.builder(SESSIONS)
			.description("Browser sign-ins, refreshes, revocations and sign-outs, by outcome (Cognito's error code)")
			.tag("event", event.tagValue())
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Counter validations(MeterRegistry registry, String outcome, String reason) {
		return Counter.builder(VALIDATIONS)
			.description("Bearer tokens checked by the Cognito decoder, by outcome and the check that failed")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(registry);
	}

	@Override
	public ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	@Override
	public void bearerTokenAccepted() {
		if (this.accepted != null) {
			this.accepted.increment();
		}
	}

	@Override
	public void bearerTokenRejected(BearerTokenRejection reason) {
		Counter counter = this.rejected.get(reason);
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void browserSessionEvent(BrowserSessionEvent event, String outcome) {
		if (this.meterRegistry != null) {
			sessions(this.meterRegistry, event, CognitoErrorCodes.bounded(outcome)).increment();
		}
	}

	@Override
	public void tokenRequestCompleted(String clientName, String outcome) {
		this.lastTokenRequests.put(clientName, new TokenRequestOutcome(outcome, this.clock.instant()));
	}

	/**
	 * @return the last token request's outcome per machine-to-machine client that made
	 * one
	 */
	Map<String, TokenRequestOutcome> lastTokenRequests() {
		return Map.copyOf(this.lastTokenRequests);
	}

	/**
	 * @param outcome {@value CognitoErrorCodes#SUCCESS} or a bounded error code
	 * @param at when the request ended
	 */
	record TokenRequestOutcome(String outcome, Instant at) {

		boolean succeeded() {
			return CognitoErrorCodes.SUCCESS.equals(this.outcome);
		}

	}

}
