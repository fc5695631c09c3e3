package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page a browser asked for before signing in, kept in its WebSession as Spring
 * Security's default does ({@link WebSessionServerRequestCache}); requests with an
 * {@code Authorization: Bearer} header are API calls, not navigations, and neither read
 * nor save it.
 * <p>
 * Spring Security's reactive cache reads the session on every request to find a saved
 * request that matches it (unlike the servlet one, which looks only with its
 * {@code continue} parameter), so a bearer-token call that also carried the browser's
 * session cookie needed the session store, and got the 503 while Redis was down. Now it
 * is answered as any bearer-token call, as on the servlet stack.
 */
final class BrowserRequestCache implements ServerRequestCache {

	private final ServerRequestCache delegate;

	BrowserRequestCache(ServerRequestCache delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> saveRequest(ServerWebExchange exchange) {
		return isBearer(exchange) ? Mono.empty() : this.delegate.saveRequest(exchange);
	}

	@Override
	public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
		return isBearer(exchange) ? Mono.empty() : this.delegate.getRedirectUri(exchange);
	}

	@Override
	public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
		return isBearer(exchange) ? Mono.empty() : this.delegate.removeMatchingRequest(exchange);
	}

	private static boolean isBearer(ServerWebExchange exchange) {
		return BearerAuthorization.isBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
	}

}
