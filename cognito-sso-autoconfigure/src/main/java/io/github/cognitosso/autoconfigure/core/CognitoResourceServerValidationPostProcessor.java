package io.github.cognitosso.autoconfigure.core;

import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Checks {@code cognito.resource-server.*} as soon as it is bound, before the key source
 * or the decoder reads it, and whether or not they are the starter's: an application
 * replaces a {@code JwtDecoder} or {@link CognitoJwkSource} bean, never this. The same
 * shape as the pool's {@code CognitoConfigurationValidationPostProcessor}, which checks
 * {@code cognito.*} first (the pool's settings are fetched before these are checked). The
 * rules live in {@link CognitoResourceServerPropertiesValidator}.
 */
final class CognitoResourceServerValidationPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<CognitoProperties> properties;

	CognitoResourceServerValidationPostProcessor(ObjectProvider<CognitoProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof CognitoResourceServerProperties bound) {
			CognitoResourceServerPropertiesValidator.validate(this.properties.getObject(), bound);
		}
		return bean;
	}

}
