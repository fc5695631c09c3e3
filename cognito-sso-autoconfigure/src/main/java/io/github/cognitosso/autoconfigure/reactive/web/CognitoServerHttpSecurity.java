package io.github.cognitosso.autoconfigure.reactive.web;

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Applies the starter's Cognito set-up (every {@link CognitoServerHttpSecurityCustomizer}
 * bean, in order) to a WebFlux security chain the application writes itself, so a custom
 * chain gets exactly what the default one has. The reactive counterpart of the servlet
 * {@code CognitoHttpConfigurer}; {@link ServerHttpSecurity} has no {@code with(...)}, so
 * it is a bean the chain's method takes and applies:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
 *     http.authorizeExchange((exchanges) -&gt; exchanges.pathMatchers("/public/**").permitAll()
 *             .anyExchange().authenticated());
 *     cognito.customize(http);
 *     return http.build();
 * }
 * </pre>
 *
 * It changes only the chains it is applied to: the starter never reaches into chains
 * behind the application's back.
 */
public final class CognitoServerHttpSecurity implements Customizer<ServerHttpSecurity> {

	private final List<CognitoServerHttpSecurityCustomizer> customizers;

	/**
	 * @param customizers the features' contributions, in the order they are applied
	 */
	public CognitoServerHttpSecurity(List<CognitoServerHttpSecurityCustomizer> customizers) {
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * @param http the chain being built
	 */
	@Override
	public void customize(ServerHttpSecurity http) {
		for (CognitoServerHttpSecurityCustomizer customizer : this.customizers) {
			customizer.customize(http);
		}
	}

	/**
	 * @return the customizers applied, in order
	 */
	public List<CognitoServerHttpSecurityCustomizer> customizers() {
		return this.customizers;
	}

}
