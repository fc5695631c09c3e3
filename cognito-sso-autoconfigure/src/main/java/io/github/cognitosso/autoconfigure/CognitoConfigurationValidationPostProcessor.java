package io.github.cognitosso.autoconfigure;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The one start-up check of {@code cognito.*}, run however the application assembles the
 * starter's beans. It checks the settings as soon as they are bound (as Spring Boot
 * validates a {@code @Validated} {@code @ConfigurationProperties} bean), so nothing reads
 * a value that cannot work; and it checks the pool's {@link CognitoEndpoints} as soon as
 * the bean exists, the derived one or the application's own, so that replacing it does
 * not switch the check off.
 * <p>
 * A bean post-processor rather than code in a bean method: an application replaces bean
 * definitions, never this. The rules themselves live in
 * {@link CognitoPropertiesValidator}.
 */
final class CognitoConfigurationValidationPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<CognitoProperties> properties;

	private final Environment environment;

	CognitoConfigurationValidationPostProcessor(ObjectProvider<CognitoProperties> properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof CognitoProperties bound) {
			CognitoPropertiesValidator.validate(bound, Binder.get(this.environment));
		}
		else if (bean instanceof CognitoEndpoints endpoints) {
			CognitoPropertiesValidator.validate(this.properties.getObject(), Binder.get(this.environment), endpoints);
		}
		return bean;
	}

}
