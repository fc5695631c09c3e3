package io.github.cognitosso.autoconfigure.servlet.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * One Cognito feature's contribution to a {@link HttpSecurity} chain (bearer-token
 * validation, browser login, logout). The starter registers one bean per active feature;
 * {@link CognitoHttpConfigurer} applies them, in
 * {@link org.springframework.core.annotation.Order order}, to the starter's default chain
 * or to a chain the application writes. Applications may register their own to extend
 * every Cognito chain.
 */
@FunctionalInterface
public interface CognitoHttpSecurityCustomizer {

	/**
	 * @param http the chain being built
	 */
	void customize(HttpSecurity http);

	/**
	 * Whether the only credential this feature accepts is one a browser never sends by
	 * itself (a bearer token in the {@code Authorization} header): no session, no cookie.
	 * When every customizer of the starter's default chain says so, that chain leaves out
	 * CSRF protection, the logout filter and the saved request, which would guard or
	 * restore nothing there. A chain the application writes is never changed this way.
	 * @return {@code false} unless the feature takes bearer tokens only
	 */
	default boolean bearerTokensOnly() {
		return false;
	}

}
