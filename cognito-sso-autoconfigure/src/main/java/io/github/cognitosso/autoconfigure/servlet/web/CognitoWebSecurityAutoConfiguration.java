package io.github.cognitosso.autoconfigure.servlet.web;

import java.util.ArrayList;
import java.util.List;

import io.github.cognitosso.autoconfigure.ConditionalOnCognito;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The default security chain of a Cognito application: every request authenticated, by
 * whichever Cognito features are active (bearer tokens, browser login). It exists only
 * while the application defines no {@link SecurityFilterChain} of its own; a custom chain
 * gets the same set-up through {@link CognitoHttpConfigurer}.
 * <p>
 * Ordered before Spring Boot's web-security auto-configurations (named, not referenced:
 * Boot moved them between 4.0 and 4.1) so that Boot's own default chains, which would
 * ignore Cognito, back off.
 */
@AutoConfiguration(
		afterName = { "io.github.cognitosso.autoconfigure.CognitoAutoConfiguration",
				"io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration",
				"io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration" },
		beforeName = {
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnCognito
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
public final class CognitoWebSecurityAutoConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 5)
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	@ConditionalOnBean(CognitoHttpSecurityCustomizer.class)
	public SecurityFilterChain cognitoSecurityFilterChain(HttpSecurity http,
			ObjectProvider<CognitoHttpSecurityCustomizer> customizers) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		if (customizers.stream().allMatch(CognitoHttpSecurityCustomizer::bearerTokensOnly)) {
			// An API that takes bearer tokens only: no cookie or session authenticates a
			// request, so a forged cross-site request carries no credential (CSRF guards
			// nothing), there is nothing to log out of and no request to save for after a
			// sign-in. Left out before the customizers run, so none adds to them.
			http.csrf((csrf) -> csrf.disable());
			http.logout((logout) -> logout.disable());
			http.requestCache((cache) -> cache.disable());
		}
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Spring Security's default firewall with the same header checks, made faster for
	 * ASCII ({@link HeaderCharacters}): it checks every header the application reads, the
	 * bearer token's 1 KB included. An {@code HttpFirewall} bean of the application's, or
	 * one set with {@code WebSecurity#httpFirewall}, replaces it.
	 * @return the firewall
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	public StrictHttpFirewall cognitoHttpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters.names());
		firewall.setAllowedHeaderValues(HeaderCharacters.values());
		return firewall;
	}

	/**
	 * Puts the {@code CognitoAuthentication} parameter resolution first: Spring MVC
	 * resolves principals before any resolver added through a {@code WebMvcConfigurer}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestMappingHandlerAdapter.class)
	static class ControllerArgumentConfiguration {

		@Bean
		static BeanPostProcessor cognitoAuthenticationArgumentResolverRegistrar() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof RequestMappingHandlerAdapter adapter
							&& adapter.getArgumentResolvers() != null) {
						List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
						resolvers.add(new CognitoAuthenticationArgumentResolver());
						resolvers.addAll(adapter.getArgumentResolvers());
						adapter.setArgumentResolvers(resolvers);
					}
					return bean;
				}

			};
		}

	}

}
