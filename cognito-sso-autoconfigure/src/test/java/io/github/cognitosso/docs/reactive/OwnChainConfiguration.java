package io.github.cognitosso.docs.reactive;

import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * docs/reactive.md: an application's own WebFlux chain with the Cognito set-up.
 */
@Configuration(proxyBeanMethods = false)
class OwnChainConfiguration {

	// tag::own-chain[]
	@Bean
	SecurityWebFilterChain api(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/public/**")
			.permitAll()
			.pathMatchers("/admin/**")
			.hasRole("admin")
			.anyExchange()
			.authenticated());
		cognito.customize(http);
		return http.build();
	}
	// end::own-chain[]

}
