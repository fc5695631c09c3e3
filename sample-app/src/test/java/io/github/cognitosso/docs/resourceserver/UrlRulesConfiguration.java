package io.github.cognitosso.docs.resourceserver;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * URL rules by group and scope in a chain of the application's own.
 */
@Configuration(proxyBeanMethods = false)
class UrlRulesConfiguration {

	@Bean
	SecurityFilterChain orders(HttpSecurity http) {
		// tag::url-rules[]
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/orders/**")
			.hasAuthority("SCOPE_orders/read")
			.requestMatchers("/admin/**")
			.hasRole("admin")
			.anyRequest()
			.authenticated());
		// end::url-rules[]
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}

}
