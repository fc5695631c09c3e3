package io.github.cognitosso.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Backs {@link ConditionalOnCognitoLogin} with the same rule the start-up validation
 * uses.
 */
class OnCognitoLoginCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCognitoLogin.class);
		Binder binder = Binder.get(context.getEnvironment());
		CognitoProperties properties = binder.bind("cognito", CognitoProperties.class)
			.orElseGet(CognitoProperties::new);
		if (CognitoPropertiesValidator.isLoginEnabled(properties, CognitoPropertiesValidator.loginEnabled(binder))) {
			return ConditionOutcome.match(message.because("browser login is enabled"));
		}
		return ConditionOutcome.noMatch(
				message.because("cognito.login.enabled is false, or cognito.domain or cognito.client-id is not set"));
	}

}
