package io.github.cognitosso.autoconfigure;

import java.util.Optional;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Turns a {@link CognitoConfigurationException} anywhere in a start-up failure into
 * Spring Boot's "APPLICATION FAILED TO START" report: the property, its value (never a
 * secret), where the value came from and the fix, instead of a stack trace from deep
 * inside bean creation.
 * <p>
 * The origin is looked up in the application's {@link Environment} the way Boot's
 * {@code InvalidConfigurationPropertyValueFailureAnalyzer} does:
 * {@code class path resource [application.yml] -
 * 3:13} for a file, {@code System Environment Property "COGNITO_DOMAIN"} for an
 * environment variable. It names the place only, never the value, so it is shown for
 * secrets too.
 */
class CognitoConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CognitoConfigurationException> {

	private final Environment environment;

	/**
	 * @param environment the failed application's environment (given by Spring Boot), or
	 * {@code null} when there is none, which leaves the origin out
	 */
	public CognitoConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	CognitoConfigurationFailureAnalyzer() {
		this(null);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CognitoConfigurationException cause) {
		StringBuilder description = new StringBuilder("The Amazon Cognito configuration cannot work:\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		if (cause.getValue() != null) {
			description.append("    Value: \"").append(cause.getValue()).append("\"\n");
		}
		origin(cause.getProperty())
			.ifPresent((origin) -> description.append("    Origin: ").append(origin).append('\n'));
		description.append("    Reason: ").append(cause.getProblem());
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	/**
	 * Where the winning value of the property was set: the first property source, in the
	 * environment's order, that sets it. A list or map written element by element
	 * ({@code cognito.scopes[0]} in YAML) is found by its first element.
	 */
	private Optional<Origin> origin(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		if (this.environment == null || name == null) {
			return Optional.empty();
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty bound = source.getConfigurationProperty(name);
			if (bound == null && source instanceof IterableConfigurationPropertySource iterable) {
				bound = iterable.stream()
					.filter(name::isAncestorOf)
					.findFirst()
					.map(source::getConfigurationProperty)
					.orElse(null);
			}
			if (bound != null) {
				return Optional.ofNullable(bound.getOrigin());
			}
		}
		return Optional.empty();
	}

}
