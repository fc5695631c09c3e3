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

}
