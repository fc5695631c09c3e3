package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;
import java.security.Principal;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import io.github.cognitosso.autoconfigure.core.LoginPage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers a signed-in user who may not see a page (typically: not in the Cognito group
 * the page needs) with the 403 page, the same as on the servlet stack, or a redirect to
 * {@code cognito.login.forbidden-url}. API-style requests get a bare 403; a bearer-token
 * caller gets the resource server's {@code WWW-Authenticate: Bearer
 * error="insufficient_scope"} answer, as when the login is off. A browser form post with
 * a missing or stale CSRF token gets the "Page expired" page, as on the servlet stack,
 * once {@link CsrfPageExpiredPostProcessor} has made this the CSRF filter's handler.
 */
final class CognitoServerAccessDeniedHandler implements ServerAccessDeniedHandler {

	private static final boolean RESOURCE_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler",
			CognitoServerAccessDeniedHandler.class.getClassLoader());

	private final String forbiddenUrl;

	private final ServerWebExchangeMatcher apiRequests;

	private final ServerAccessDeniedHandler bearer;

	private final ServerRedirectStrategy redirectStrategy = new DefaultServerRedirectStrategy();

	/**
	 * @param forbiddenUrl where to redirect browsers, or {@code null} for the built-in
	 * page
	 */
	CognitoServerAccessDeniedHandler(String forbiddenUrl, ServerWebExchangeMatcher apiRequests) {
		this.forbiddenUrl = forbiddenUrl;
		this.apiRequests = apiRequests;
		this.bearer = RESOURCE_SERVER_PRESENT ? new BearerTokenServerAccessDeniedHandler() : null;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		if (this.bearer != null && BearerAuthorization
			.isBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
			return this.bearer.handle(exchange, denied);
		}
		return this.apiRequests.matches(exchange).flatMap((api) -> {
			if (api.isMatch()) {
				return Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN));
			}
			if (denied instanceof CsrfException) {
				return ServerLoginPages.write(exchange, HttpStatus.FORBIDDEN, "Page expired",
						LoginPage.PAGE_EXPIRED_MESSAGE, null, "Home");
			}
			if (this.forbiddenUrl != null) {
				return this.redirectStrategy.sendRedirect(exchange, URI.create(this.forbiddenUrl));
			}
			return exchange.getPrincipal()
				.map(Principal::getName)
				.map(LoginPage::accessDeniedMessage)
				.defaultIfEmpty(LoginPage.accessDeniedMessage(null))
				.flatMap((message) -> ServerLoginPages.write(exchange, HttpStatus.FORBIDDEN, "Access denied", message,
						null, "Home"));
		});
	}

}
