package io.github.cognitosso.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The root of the starter: binds the pool-wide {@code cognito.*} settings, validates them
 * and derives the pool's endpoints, all without a network call; the validation runs
 * whatever beans the application replaces. The resource-server, login and client
 * auto-configurations build on the {@link CognitoEndpoints} bean defined here.
 */
@AutoConfiguration
@ConditionalOnCognito
@EnableConfigurationProperties(CognitoProperties.class)
public final class CognitoAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CognitoAutoConfiguration.class);

	/**
	 * Checks {@code cognito.*} and the endpoints in use, also when the application
	 * defines its own {@link CognitoEndpoints}: not replaceable, and static so that it is
	 * ready before any bean it checks.
	 */
	@Bean
	static CognitoConfigurationValidationPostProcessor cognitoConfigurationValidationPostProcessor(
			ObjectProvider<CognitoProperties> properties, Environment environment) {
		return new CognitoConfigurationValidationPostProcessor(properties, environment);
	}

	/**
	 * The endpoints derived from {@code cognito.*}; the settings are already checked when
	 * this runs.
	 */
	@Bean
	@ConditionalOnMissingBean
	public CognitoEndpoints cognitoEndpoints(CognitoProperties properties) {
		CognitoEndpoints endpoints = properties.toEndpoints();
		if (logger.isInfoEnabled()) {
			logger.info("Amazon Cognito user pool " + endpoints.userPoolId() + ": issuer " + endpoints.issuer()
					+ ", domain " + endpoints.domain().map(Object::toString).orElse("(none)"));
		}
		return endpoints;
	}

}
