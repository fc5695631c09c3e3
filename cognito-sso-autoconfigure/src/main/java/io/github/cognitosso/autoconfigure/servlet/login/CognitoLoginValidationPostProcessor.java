package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Checks the browser-login settings as soon as {@code cognito.login.*} is bound, whatever
 * login beans the application replaces (its own {@code ClientRegistrationRepository},
 * user service or logout handler): an application replaces bean definitions, never this.
 * The same shape as the pool's {@code CognitoConfigurationValidationPostProcessor}, which
 * checks {@code cognito.*} first (the pool's settings are fetched before these are
 * checked). The rules live in {@link CognitoLoginPropertiesValidator}.
 */
final class CognitoLoginValidationPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<CognitoProperties> properties;

	private final Environment environment;

	CognitoLoginValidationPostProcessor(ObjectProvider<CognitoProperties> properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof CognitoLoginProperties bound) {
			CognitoLoginPropertiesValidator.validate(this.properties.getObject(), bound, this.environment);
		}
		return bean;
	}

}
