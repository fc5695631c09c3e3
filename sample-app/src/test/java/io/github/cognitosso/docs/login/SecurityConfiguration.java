package io.github.cognitosso.docs.login;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * docs/login.md, "Your own security chain, your own beans".
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// tag::chain[]
	@Bean
	SecurityFilterChain app(HttpSecurity http) {
		http.authorizeHttpRequests((
				requests) -> requests.requestMatchers("/", "/signin-problem").permitAll().anyRequest().authenticated());
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}
	// end::chain[]

}
