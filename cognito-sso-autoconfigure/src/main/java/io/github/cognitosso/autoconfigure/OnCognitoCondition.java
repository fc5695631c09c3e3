package io.github.cognitosso.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Backs {@link ConditionalOnCognito}. An empty pool id (as in
 * {@code ${COGNITO_USER_POOL_ID:}}) counts as absent.
 */
class OnCognitoCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCognito.class);
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("cognito.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch(message.because("cognito.enabled is false"));
		}
		if (!StringUtils.hasText(environment.getProperty("cognito.user-pool-id"))) {
			return ConditionOutcome.noMatch(message.because("cognito.user-pool-id is not set"));
		}
		return ConditionOutcome.match(message.because("cognito.user-pool-id is set"));
	}

}
