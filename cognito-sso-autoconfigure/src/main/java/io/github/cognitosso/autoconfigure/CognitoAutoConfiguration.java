package io.github.cognitosso.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The root of the starter: binds {@code cognito.*}, validates it and derives the pool's endpoints, all without a
 * network call. The resource-server, login and client auto-configurations build on the {@link CognitoEndpoints}
 * bean defined here.
 */
@AutoConfiguration
@ConditionalOnCognito
@EnableConfigurationProperties(CognitoProperties.class)
public final class CognitoAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CognitoAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	public CognitoEndpoints cognitoEndpoints(CognitoProperties properties) {
		CognitoPropertiesValidator.rejectUnresolvedPlaceholders(properties);
		CognitoEndpoints endpoints = properties.toEndpoints();
		CognitoPropertiesValidator.validate(properties, endpoints);
		if (logger.isInfoEnabled()) {
			logger.info("Amazon Cognito user pool " + endpoints.userPoolId() + ": issuer " + endpoints.issuer()
					+ ", domain " + endpoints.domain().map(Object::toString).orElse("(none)"));
		}
		return endpoints;
	}

}
