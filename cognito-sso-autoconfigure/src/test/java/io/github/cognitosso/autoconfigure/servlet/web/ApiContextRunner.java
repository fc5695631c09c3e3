package io.github.cognitosso.autoconfigure.servlet.web;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * A servlet application with the starter's bearer-token API set-up and Spring Boot's web
 * security, as three properties give it.
 */
final class ApiContextRunner {

	private ApiContextRunner() {
	}

	static WebApplicationContextRunner create() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoResourceServerAutoConfiguration.class, CognitoWebSecurityAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs",
					"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist");
	}

}
