package io.github.cognitosso.autoconfigure.reactive.web;

import io.github.cognitosso.autoconfigure.ConditionalOnCognito;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerAdapter;

/**
 * The default WebFlux security chain of a Cognito application: every exchange
 * authenticated, by whichever Cognito features are active (bearer tokens, browser login).
 * It exists only while the application defines no {@link SecurityWebFilterChain} of its
 * own; a custom chain gets the same set-up through the {@link CognitoServerHttpSecurity}
 * bean.
 * <p>
 * Ordered before Spring Boot's reactive security auto-configurations (named, not
 * referenced: Boot moves them between versions), so that Boot's default chain (HTTP Basic
 * with a generated password), which would ignore Cognito, backs off.
 */
@AutoConfiguration(
		afterName = { "io.github.cognitosso.autoconfigure.CognitoAutoConfiguration",
				"io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveResourceServerAutoConfiguration",
				"io.github.cognitosso.autoconfigure.reactive.login.CognitoReactiveLoginAutoConfiguration" },
		beforeName = {
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnCognito
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
public final class CognitoReactiveWebSecurityAutoConfiguration {

	/**
	 * Every {@link CognitoServerHttpSecurityCustomizer} bean, the application's own
	 * included, in {@link Order order}.
	 */
	@Bean
	@ConditionalOnMissingBean
	public CognitoServerHttpSecurity cognitoServerHttpSecurity(
			ObjectProvider<CognitoServerHttpSecurityCustomizer> customizers) {
		return new CognitoServerHttpSecurity(customizers.orderedStream().toList());
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 5)
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	@ConditionalOnBean(CognitoServerHttpSecurityCustomizer.class)
	public SecurityWebFilterChain cognitoSecurityWebFilterChain(ServerHttpSecurity http,
			CognitoServerHttpSecurity cognito) {
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
		if (cognito.customizers().stream().allMatch(CognitoServerHttpSecurityCustomizer::bearerTokensOnly)) {
			// An API that takes bearer tokens only: no cookie or session authenticates an
			// exchange, so a forged cross-site request carries no credential (CSRF guards
			// nothing) and there is nothing to log out of.
			http.csrf((csrf) -> csrf.disable());
			http.logout((logout) -> logout.disable());
		}
		cognito.customize(http);
		return http.build();
	}

	/**
	 * Checks the caller of controller methods that take a {@code CognitoAuthentication}
	 * before they run ({@link CognitoCallerHandlerAdapter}): WebFlux resolves principals
	 * before any resolver added through a {@code WebFluxConfigurer}, so the check sits in
	 * the handler adapter, which Boot lets one {@link WebFluxRegistrations} bean replace.
	 * An application with a {@code WebFluxRegistrations} of its own keeps it, and
	 * WebFlux's own resolution.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebFluxRegistrations.class)
	@ConditionalOnMissingBean(WebFluxRegistrations.class)
	static class ControllerArgumentConfiguration {

		@Bean
		WebFluxRegistrations cognitoWebFluxRegistrations() {
			return new WebFluxRegistrations() {

				@Override
				public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
					return new CognitoCallerHandlerAdapter();
				}

			};
		}

	}

}
