package io.github.cognitosso.autoconfigure.servlet.client;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Checks {@code cognito.client-credentials.*} as soon as it is bound, against the pool's
 * endpoints in use (the derived ones or the application's own), whoever defines the
 * {@link CognitoClientCredentials} bean: an application replaces bean definitions, never
 * this. The same shape as the pool's {@code CognitoConfigurationValidationPostProcessor},
 * which checks {@code cognito.*} first (the pool's settings are fetched before these are
 * checked). The rules live in {@link CognitoClientCredentialsPropertiesValidator}.
 */
final class CognitoClientCredentialsValidationPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<CognitoProperties> properties;

	private final ObjectProvider<CognitoEndpoints> endpoints;

	private final Environment environment;

	private final ClassLoader classLoader;

	CognitoClientCredentialsValidationPostProcessor(ObjectProvider<CognitoProperties> properties,
			ObjectProvider<CognitoEndpoints> endpoints, Environment environment, ClassLoader classLoader) {
		this.properties = properties;
		this.endpoints = endpoints;
		this.environment = environment;
		this.classLoader = classLoader;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof CognitoClientCredentialsProperties bound) {
			CognitoProperties pool = this.properties.getObject();
			CognitoClientCredentialsPropertiesValidator.validate(pool, bound, loginEnabled(this.environment),
					this.endpoints.getObject(), this.classLoader);
		}
		return bean;
	}

	/**
	 * Read by name: browser login's settings are bound by its own auto-configuration,
	 * which may be off.
	 */
	static Boolean loginEnabled(Environment environment) {
		return Binder.get(environment).bind("cognito.login.enabled", Boolean.class).orElse(null);
	}

}
