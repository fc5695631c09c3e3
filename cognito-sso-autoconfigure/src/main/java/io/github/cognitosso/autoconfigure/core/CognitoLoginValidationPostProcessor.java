package io.github.cognitosso.autoconfigure.core;

import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Checks the browser-login settings as soon as {@code cognito.login.*} is bound, whatever
 * login beans the application replaces (its own client registrations, user service or
 * logout handler): an application replaces bean definitions, never this. The same shape
 * as the pool's {@code CognitoConfigurationValidationPostProcessor}, which checks
 * {@code cognito.*} first (the pool's settings are fetched before these are checked). The
 * rules live in {@link CognitoLoginPropertiesValidator}.
 * <p>
 * Public for the web adapters ({@code servlet.login}, {@code reactive.login}), which name
 * the properties of their stack; not an application API.
 */
public final class CognitoLoginValidationPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<CognitoProperties> properties;

	private final Environment environment;

	private final String contextPathProperty;

	private final String sameSiteProperty;

	/**
	 * Checks the settings of a servlet application.
	 */
	public CognitoLoginValidationPostProcessor(ObjectProvider<CognitoProperties> properties, Environment environment) {
		this(properties, environment, CognitoLoginPropertiesValidator.SERVLET_CONTEXT_PATH,
				CognitoLoginPropertiesValidator.SERVLET_SESSION_COOKIE_SAME_SITE);
	}

	/**
	 * @param contextPathProperty the web stack's property for the application's path
	 * prefix
	 * @param sameSiteProperty the web stack's property for the session cookie's SameSite
	 * attribute
	 */
	public CognitoLoginValidationPostProcessor(ObjectProvider<CognitoProperties> properties, Environment environment,
			String contextPathProperty, String sameSiteProperty) {
		this.properties = properties;
		this.environment = environment;
		this.contextPathProperty = contextPathProperty;
		this.sameSiteProperty = sameSiteProperty;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof CognitoLoginProperties bound) {
			CognitoLoginPropertiesValidator.validate(this.properties.getObject(), bound, this.environment,
					this.contextPathProperty, this.sameSiteProperty);
		}
		return bean;
	}

}
