package io.github.cognitosso.autoconfigure;

import java.util.Objects;

/**
 * A {@code cognito.*} setting that cannot work with Amazon Cognito, found before anything
 * talks to Cognito.
 * <p>
 * It names the property, the offending value (never a secret: callers pass {@code null}
 * for those) and what to do instead, so {@link CognitoConfigurationFailureAnalyzer} can
 * print a start-up report in the shape of Spring Boot's own. No Spring types here:
 * {@link CognitoEndpoints} throws it too and must stay framework-free.
 */
public class CognitoConfigurationException extends IllegalArgumentException {

	private final String property;

	private final String value;

	private final String problem;

	private final String action;

	/**
	 * @param property the full property name, e.g. {@code cognito.user-pool-id}
	 * @param value the offending value, or {@code null} when it must not be shown
	 * (secrets) or is absent
	 * @param problem what is wrong, in one sentence
	 * @param action what the user should do instead
	 */
	public CognitoConfigurationException(String property, String value, String problem, String action) {
		super(describe(property, value, problem));
		this.property = Objects.requireNonNull(property, "property");
		this.value = value;
		this.problem = Objects.requireNonNull(problem, "problem");
		this.action = Objects.requireNonNull(action, "action");
	}

	private static String describe(String property, String value, String problem) {
		return (value != null) ? "Invalid '" + property + "' value '" + value + "': " + problem
				: "Invalid '" + property + "': " + problem;
	}

	public String getProperty() {
		return this.property;
	}

	/**
	 * @return the offending value, or {@code null} when it is absent or secret
	 */
	public String getValue() {
		return this.value;
	}

	public String getProblem() {
		return this.problem;
	}

	public String getAction() {
		return this.action;
	}

}
