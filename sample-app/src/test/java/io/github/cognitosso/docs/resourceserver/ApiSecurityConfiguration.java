package io.github.cognitosso.docs.resourceserver;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A security chain of the application's own, with the Cognito set-up applied.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	// tag::own-chain[]
	@Bean
	SecurityFilterChain api(HttpSecurity http) {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated());
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}
	// end::own-chain[]

}
