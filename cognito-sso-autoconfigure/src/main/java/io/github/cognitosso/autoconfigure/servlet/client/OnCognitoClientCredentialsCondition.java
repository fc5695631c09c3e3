package io.github.cognitosso.autoconfigure.servlet.client;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Backs {@link ConditionalOnCognitoClientCredentials} with the rule the settings resolver
 * uses.
 */
class OnCognitoClientCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCognitoClientCredentials.class);
		if (ClientCredentialsSettingsResolver.isActive(bind(context))) {
			return ConditionOutcome.match(message.because("machine-to-machine clients are configured"));
		}
		return ConditionOutcome.noMatch(message.because(
				"cognito.client-credentials.enabled is false, or nothing is set under cognito.client-credentials"));
	}

	static CognitoClientCredentialsProperties bind(ConditionContext context) {
		return Binder.get(context.getEnvironment())
			.bind("cognito.client-credentials", CognitoClientCredentialsProperties.class)
			.orElseGet(CognitoClientCredentialsProperties::new);
	}

	/**
	 * Matches when the default client (the values directly under
	 * {@code cognito.client-credentials}) exists, which decides whether the pre-built
	 * {@code cognitoRestClient} bean is defined.
	 */
	static class OnDefaultClient extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Default Cognito M2M client");
			if (ClientCredentialsSettingsResolver.hasDefaultClient(bind(context))) {
				return ConditionOutcome.match(message.because("the default client is configured"));
			}
			return ConditionOutcome
				.noMatch(message.because("only named clients (cognito.client-credentials.clients.*) are configured"));
		}

	}

}
