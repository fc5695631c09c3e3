package io.github.cognitosso.autoconfigure.servlet.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code cognito.gateway.upstream-uri} has a value: an application.yml with
 * an empty {@code ${COGNITO_GATEWAY_UPSTREAM_URI:}} placeholder means no catch-all route,
 * not a route to nowhere.
 */
final class OnUpstreamUriCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String upstream = context.getEnvironment().getProperty("cognito.gateway.upstream-uri");
		return StringUtils.hasText(upstream) ? ConditionOutcome.match("cognito.gateway.upstream-uri is " + upstream)
				: ConditionOutcome.noMatch("cognito.gateway.upstream-uri has no value");
	}

}
