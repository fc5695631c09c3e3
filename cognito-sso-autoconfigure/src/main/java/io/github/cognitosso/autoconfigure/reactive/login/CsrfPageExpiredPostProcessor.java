package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.client.web.server.authentication.OAuth2LoginAuthenticationWebFilter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.server.WebFilter;

/**
 * Gives the CSRF filter of each signed-in chain the Cognito access-denied handler, so a
 * browser form post with a missing or stale token gets the "Page expired" page instead of
 * WebFlux's plain-text 403.
 * <p>
 * It works on the built chain rather than in {@code ServerHttpSecurity}: there, setting
 * the CSRF handler ({@code http.csrf(..)}) switches CSRF back on in a chain that disabled
 * it before the Cognito set-up was applied, and the spec offers no way to ask whether it
 * is on. On the built chain, CSRF is on exactly when its filter is there; a chain without
 * the OAuth2 sign-in (an API chain) is left alone.
 */
final class CsrfPageExpiredPostProcessor implements BeanPostProcessor {

	/**
	 * The CSRF filter only ever hands it a {@code CsrfException}: API-style requests get
	 * a bare 403, browsers the page (no forbidden URL is involved).
	 */
	private final ServerAccessDeniedHandler accessDeniedHandler = new CognitoServerAccessDeniedHandler(null,
			new ApiExchangeMatcher());

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SecurityWebFilterChain chain) {
			// The chain's filter list is fixed once built: listing it does no I/O.
			List<WebFilter> filters = chain.getWebFilters().collectList().block();
			if (filters != null && filters.stream().anyMatch(OAuth2LoginAuthenticationWebFilter.class::isInstance)) {
				filters.stream()
					.filter(CsrfWebFilter.class::isInstance)
					.forEach((filter) -> ((CsrfWebFilter) filter).setAccessDeniedHandler(this.accessDeniedHandler));
			}
		}
		return bean;
	}

}
