package io.github.cognitosso.autoconfigure.reactive.web;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * One Cognito feature's contribution to a WebFlux {@link ServerHttpSecurity} chain
 * (bearer-token validation, browser login, logout): the reactive counterpart of
 * {@code io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer}.
 * The starter registers one bean per active feature and applies them, in
 * {@link org.springframework.core.annotation.Order order}, to its default
 * {@code SecurityWebFilterChain} or to a chain the application writes. Applications may
 * register their own to extend every Cognito chain.
 */
@FunctionalInterface
public interface CognitoServerHttpSecurityCustomizer {

	/**
	 * @param http the chain being built
	 */
	void customize(ServerHttpSecurity http);

	/**
	 * Whether the only credential this feature accepts is one a browser never sends by
	 * itself (a bearer token in the {@code Authorization} header): no session, no cookie.
	 * When every customizer of the starter's default chain says so, that chain leaves out
	 * CSRF protection and the logout filter, which would guard nothing there. A chain the
	 * application writes is never changed this way.
	 * @return {@code false} unless the feature takes bearer tokens only
	 */
	default boolean bearerTokensOnly() {
		return false;
	}

}
