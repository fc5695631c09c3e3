package io.github.cognitosso.autoconfigure.reactive.login;

import io.github.cognitosso.autoconfigure.core.ApiRequests;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Matches requests that look like API calls rather than a browser navigating, by the
 * core's rule ({@link ApiRequests}, the one the servlet login uses): an
 * {@code X-Requested-With} header, a bearer token, or an {@code Accept} header without
 * HTML. They get a 401 or a bare 403 instead of a redirect or an HTML page.
 */
final class ApiExchangeMatcher implements ServerWebExchangeMatcher {

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		boolean api = ApiRequests.looksLikeApiCall(headers.getFirst("X-Requested-With"),
				headers.getFirst(HttpHeaders.AUTHORIZATION), headers.getFirst(HttpHeaders.ACCEPT));
		return api ? MatchResult.match() : MatchResult.notMatch();
	}

}
