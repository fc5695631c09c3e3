package io.github.cognitosso.autoconfigure.report;

import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter says at start-up what it does on the application's stack and what the
 * settings ask for that it does not cover there.
 */
@ExtendWith(OutputCaptureExtension.class)
class CognitoStartupReportTests {

	private static final String[] POOL = { "cognito.user-pool-id=" + TestTokens.POOL_ID,
			"cognito.client-id=" + TestTokens.CLIENT_ID };

	private static final String DOMAIN = "cognito.domain=my-app";

	@Test
	void aWebFluxApplicationIsToldThatBearerTokensAreValidated(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues(POOL)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Cognito SSO on a reactive (WebFlux) web application: bearer-token validation on")
			.contains("browser login off")
			.doesNotContain("Cognito SSO does not cover this");
	}

	@Test
	void aWebFluxApplicationWithoutSpringSecurityIsWarnedThatNoRequestIsChecked(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(App.class)
			.withClassLoader(
					new FilteredClassLoader("org.springframework.security.config", "org.springframework.security.web"))
			.withPropertyValues(POOL)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN")
			.contains("Spring Security's web filter chain is not in this WebFlux application")
			.contains("no request is authenticated by Cognito");
	}

	@Test
	void aWebFluxApplicationWithBrowserLoginConfiguredIsToldWhetherItIsCovered(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues(POOL)
			.withPropertyValues(DOMAIN)
			.run((context) -> assertThat(context).hasNotFailed());
		// Either the reactive browser login is there, or its absence is a warning:
		// never silence.
		assertThat(output.toString()).satisfiesAnyOf((text) -> assertThat(text).contains("browser login on"),
				(text) -> assertThat(text).contains("browser login is configured")
					.contains("no browser login for WebFlux")
					.contains("cognito.login.enabled=false"));
	}

	@Test
	void aServletApplicationGetsOneSummaryWithoutWarnings(CapturedOutput output) {
		new WebApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues(POOL)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce("Cognito SSO on a servlet (Spring MVC) web application")
			.contains("bearer-token validation on")
			.doesNotContain("Cognito SSO does not cover this");
	}

	@Test
	void aNonWebApplicationWithBrowserLoginSettingsIsWarnedThatLoginDoesNotApply(CapturedOutput output) {
		new ApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues(POOL)
			.withPropertyValues(DOMAIN)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Cognito SSO on a non-web application: no web server, so no security chain")
			.contains("Cognito SSO does not cover this: browser login is configured");
	}

	@Test
	void switchingTheResourceServerOffIsReportedAsSuch(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues(POOL)
			.withPropertyValues("cognito.resource-server.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("bearer-token validation off (cognito.resource-server.enabled=false)");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
