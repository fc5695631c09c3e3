package io.github.cognitosso.autoconfigure.servlet.web;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;

/**
 * Applies the starter's Cognito set-up (every {@link CognitoHttpSecurityCustomizer} bean)
 * to a security chain the application writes itself, so a custom chain gets exactly what
 * the default one has:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityFilterChain api(HttpSecurity http) {
 *     http.authorizeHttpRequests((requests) -&gt; requests.requestMatchers("/public/**").permitAll()
 *             .anyRequest().authenticated());
 *     http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
 *     return http.build();
 * }
 * </pre>
 *
 * It changes only the chains it is applied to: the starter never reaches into chains
 * behind the application's back.
 */
public final class CognitoHttpConfigurer extends AbstractHttpConfigurer<CognitoHttpConfigurer, HttpSecurity> {

	private CognitoHttpConfigurer() {
	}

	/**
	 * @return a configurer for
	 * {@code http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults())}
	 */
	public static CognitoHttpConfigurer cognito() {
		return new CognitoHttpConfigurer();
	}

	/**
	 * Applies the customizers as soon as the configurer joins the chain
	 * ({@code http.with(...)}), exactly as if the application had written their DSL calls
	 * at that point: every configurer they add or change is then in place before the
	 * chain initialises (applying them later, in {@code init}, would come after the
	 * session and request-cache configurers have already shared their defaults).
	 */
	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		if (context == null) {
			throw new IllegalStateException("CognitoHttpConfigurer needs an HttpSecurity created by Spring "
					+ "(inject HttpSecurity into your SecurityFilterChain bean method)");
		}
		for (CognitoHttpSecurityCustomizer customizer : context.getBeanProvider(CognitoHttpSecurityCustomizer.class)
			.orderedStream()
			.toList()) {
			customizer.customize(http);
		}
	}

}
