package io.github.cognitosso.sample;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample's own rules, with the starter's Cognito set-up (browser login, logout,
 * bearer tokens) applied through {@link CognitoHttpConfigurer}: groups are roles, so
 * {@code hasRole("admin")} means "in Cognito group admin".
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain sampleSecurity(HttpSecurity http) {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/", "/m2m", "/error", "/favicon.ico", "/css/**")
					.permitAll()
					// Boot's show-details rule decides what health shows to whom.
					.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
					.permitAll()
					.requestMatchers("/admin", "/api/admin")
					.hasRole("admin")
					.anyRequest()
					.authenticated());
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}

}
