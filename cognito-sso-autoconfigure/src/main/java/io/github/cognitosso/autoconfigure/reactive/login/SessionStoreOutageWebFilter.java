package io.github.cognitosso.autoconfigure.reactive.login;

import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.SessionStoreFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers a clear 503 while the WebSession store (Redis, with Spring Session) cannot be
 * reached, instead of a 500 with a stack trace: the WebFlux side of the servlet login's
 * {@code SessionStoreOutageFilter}, with the same words. The session is read lazily,
 * wherever a filter or handler first asks for it, so this filter runs ahead of Spring
 * Security's ({@link #ORDER}) and sees the failure of every one of them; it writes its
 * answer without the session.
 * <p>
 * Browsers get the small HTML page, API-style requests a JSON body, both with
 * {@code Retry-After}. Bearer-token calls need no session and never fail here. How long a
 * request waits for a store that is down is the client's business: the starter sets short
 * Lettuce defaults ({@code RedisClientDefaults}), and Lettuce's reactive commands fail at
 * once while disconnected, without holding an event-loop thread.
 */
final class SessionStoreOutageWebFilter implements WebFilter, Ordered {

	/** Ahead of Spring Security's {@code WebFilterChainProxy} (-100). */
	static final int ORDER = -200;

	private static final Log logger = LogFactory.getLog(SessionStoreOutageWebFilter.class);

	private final ServerWebExchangeMatcher apiRequests;

	SessionStoreOutageWebFilter(ServerWebExchangeMatcher apiRequests) {
		this.apiRequests = apiRequests;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume(SessionStoreFailures::isStoreFailure, (ex) -> unavailable(exchange, ex));
	}

	private Mono<Void> unavailable(ServerWebExchange exchange, Throwable ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("The session store is unavailable, answering 503: " + SessionStoreFailures.describe(ex));
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.getHeaders().clear();
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, SessionStoreFailures.RETRY_AFTER_SECONDS);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		return this.apiRequests.matches(exchange).flatMap((match) -> {
			if (!match.isMatch()) {
				return ServerLoginPages.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, SessionStoreFailures.PAGE_TITLE,
						SessionStoreFailures.PAGE_MESSAGE, null, "Home");
			}
			byte[] body = SessionStoreFailures.JSON_BODY.getBytes(StandardCharsets.UTF_8);
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getHeaders().setContentLength(body.length);
			DataBuffer buffer = response.bufferFactory().wrap(body);
			return response.writeWith(Mono.just(buffer));
		});
	}

}
