package io.github.cognitosso.autoconfigure.servlet.gateway;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoWebSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which gateway beans exist under which class path and properties.
 */
class CognitoGatewayAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class, CognitoLoginAutoConfiguration.class,
				CognitoGatewayAutoConfiguration.class, CognitoWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
				"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.resource-server.enabled=false");

	@Test
	void withSpringCloudGatewayTheGatewaysChainReplacesTheDefaultOne() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(CognitoGatewayRelay.class)
			.hasSingleBean(CognitoGatewayFilterFunctions.FilterSupplier.class)
			.hasSingleBean(SecurityFilterChain.class)
			.hasBean("cognitoGatewaySecurityFilterChain")
			.doesNotHaveBean("cognitoSecurityFilterChain"));
	}

	@Test
	void withoutSpringCloudGatewayNothingOfTheGatewayExists() {
		this.runner.withClassLoader(new FilteredClassLoader(GatewayRouterFunctions.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoGatewayRelay.class)
				.doesNotHaveBean(CognitoGatewayProperties.class)
				.hasBean("cognitoSecurityFilterChain"));
	}

	@Test
	void gatewayPiecesCanBeSwitchedOff() {
		this.runner.withPropertyValues("cognito.gateway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoGatewayRelay.class)
				.hasBean("cognitoSecurityFilterChain"));
	}

	@Test
	void withoutAnUpstreamUriThereIsNoCatchAllRoute() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("cognitoGatewayUpstreamRoute"));
	}

	@Test
	void anUpstreamUriGivesTheCatchAllRoute() {
		this.runner.withPropertyValues("cognito.gateway.upstream-uri=http://127.0.0.1:9000")
			.run((context) -> assertThat(context).getBean("cognitoGatewayUpstreamRoute")
				.isInstanceOf(RouterFunction.class));
	}

	@Test
	void assertionKeysExistOnlyWhenAssertionsAreOn() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(GatewayAssertions.class));
		this.runner.withPropertyValues("cognito.gateway.assertion.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(GatewayAssertions.class));
	}

}
