package io.github.cognitosso.sample.reactive;

import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The sample's own rules, with the starter's Cognito set-up (browser login, logout,
 * bearer tokens) applied through {@link CognitoServerHttpSecurity}: groups are roles, so
 * {@code hasRole("admin")} means "in Cognito group admin".
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain sampleSecurity(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/", "/m2m", "/favicon.ico", "/css/**")
			.permitAll()
			// Boot's show-details rule decides what health shows to whom.
			.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.pathMatchers("/admin", "/api/admin")
			.hasRole("admin")
			.anyExchange()
			.authenticated());
		cognito.customize(http);
		return http.build();
	}

}
