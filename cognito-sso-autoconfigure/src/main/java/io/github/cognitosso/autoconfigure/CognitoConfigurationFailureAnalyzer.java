package io.github.cognitosso.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link CognitoConfigurationException} anywhere in a start-up failure into Spring Boot's
 * "APPLICATION FAILED TO START" report: the property, its value (never a secret) and the fix, instead of a stack
 * trace from deep inside bean creation.
 */
class CognitoConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CognitoConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CognitoConfigurationException cause) {
		StringBuilder description = new StringBuilder("The Amazon Cognito configuration cannot work:\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		if (cause.getValue() != null) {
			description.append("    Value: \"").append(cause.getValue()).append("\"\n");
		}
		description.append("    Reason: ").append(cause.getProblem());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

}
