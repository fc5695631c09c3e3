package io.github.cognitosso.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.actuate.MicrometerCognitoInstrumentation.TokenRequestOutcome;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code cognito} health contributor: the pool's signing keys and the last token
 * request of each machine-to-machine client.
 * <ul>
 * <li>UP while keys are cached, also stale ones whose refresh fails: they still verify
 * the tokens Cognito issues (a key rotation is announced weeks ahead), so an outage of
 * Cognito's JWKS endpoint must not take an instance out of service; the details then show
 * the last error.</li>
 * <li>DOWN when no key set could be fetched at all: no bearer token can be verified and
 * no one can sign in.</li>
 * <li>UNKNOWN before the first fetch when the key source is in its cooldown.</li>
 * </ul>
 * A health request makes a network call only when a token would
 * ({@link CognitoJwkSource#refreshIfDue()}: no keys yet, or the TTL is past, at most once
 * per cooldown while the endpoint fails), so polling it costs Cognito nothing more. The
 * machine-to-machine outcomes are details only: a failing client is the calling feature's
 * problem, not a reason to stop serving.
 */
final class CognitoHealthIndicator extends AbstractHealthIndicator {

	private final CognitoJwkSource keys;

	private final Supplier<Map<String, TokenRequestOutcome>> tokenRequests;

	/**
	 * @param keys the pool's key source, or {@code null} when neither bearer tokens nor
	 * login are on
	 * @param tokenRequests the machine-to-machine clients' last token requests
	 */
	CognitoHealthIndicator(CognitoJwkSource keys, Supplier<Map<String, TokenRequestOutcome>> tokenRequests) {
		super("Cognito health check failed");
		this.keys = keys;
		this.tokenRequests = tokenRequests;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		if (this.keys != null) {
			CognitoJwkSource.Status status = this.keys.refreshIfDue();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("jwksUri", status.jwkSetUri().toString());
			details.put("cached", status.hasKeys());
			details.put("keys", status.keyCount());
			details.put("stale", status.stale());
			status.lastSuccess().ifPresent((at) -> details.put("lastFetch", at.toString()));
			status.age().ifPresent((age) -> details.put("lastFetchAgeSeconds", age.toSeconds()));
			status.lastFailureAt().ifPresent((at) -> details.put("lastErrorAt", at.toString()));
			status.lastFailure().ifPresent((message) -> details.put("lastError", message));
			builder.withDetail("signingKeys", details);
			if (!status.hasKeys()) {
				if (status.lastFailure().isPresent()) {
					builder.down();
				}
				else {
					builder.unknown();
				}
			}
		}
		Map<String, TokenRequestOutcome> requests = this.tokenRequests.get();
		if (!requests.isEmpty()) {
			Map<String, Object> clients = new LinkedHashMap<>();
			requests.forEach((name, outcome) -> clients.put(name,
					Map.of("lastOutcome", outcome.outcome(), "at", outcome.at().toString())));
			builder.withDetail("clientCredentials", clients);
		}
	}

}
