package io.github.cognitosso.autoconfigure.report;

import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.ConditionalOnCognitoLogin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The start-up report of what the starter covers in this application
 * ({@link CognitoStartupReport}); ordered after every feature so that it reads their
 * beans.
 */
@AutoConfiguration(afterName = { "io.github.cognitosso.autoconfigure.CognitoAutoConfiguration",
		"io.github.cognitosso.autoconfigure.servlet.web.CognitoWebSecurityAutoConfiguration",
		"io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration",
		"io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsAutoConfiguration",
		"io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration",
		"io.github.cognitosso.autoconfigure.reactive.web.CognitoReactiveWebSecurityAutoConfiguration",
		"io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveResourceServerAutoConfiguration",
		"io.github.cognitosso.autoconfigure.reactive.client.CognitoReactiveClientCredentialsAutoConfiguration",
		"io.github.cognitosso.autoconfigure.reactive.login.CognitoReactiveLoginAutoConfiguration" })
@ConditionalOnCognito
public final class CognitoStartupReportAutoConfiguration {

	@Bean
	@ConditionalOnCognitoLogin
	static CognitoStartupReport cognitoStartupReportWithLogin(ApplicationContext context, Environment environment) {
		return new CognitoStartupReport(context, true, resourceServerEnabled(environment));
	}

	@Bean
	@Conditional(LoginNotConfiguredCondition.class)
	static CognitoStartupReport cognitoStartupReport(ApplicationContext context, Environment environment) {
		return new CognitoStartupReport(context, false, resourceServerEnabled(environment));
	}

	private static boolean resourceServerEnabled(Environment environment) {
		return environment.getProperty("cognito.resource-server.enabled", Boolean.class, true);
	}

	static final class LoginNotConfiguredCondition extends NoneNestedConditions {

		LoginNotConfiguredCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnCognitoLogin
		static final class LoginConfigured {

		}

	}

}
