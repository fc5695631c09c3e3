package io.github.cognitosso.autoconfigure.reactive.resource;

import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.BearerTokenRefusals;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * The WebFlux counterpart of the servlet {@code CognitoBearerTokenEntryPoint}: the same
 * RFC 6750 answer ({@link BearerTokenRefusals}: 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."} naming
 * the failed check, 403 {@code insufficient_scope}), written by Spring's
 * {@link BearerTokenServerAuthenticationEntryPoint}, and the same JSON body.
 */
final class CognitoBearerTokenServerEntryPoint implements ServerAuthenticationEntryPoint {

	private final BearerTokenServerAuthenticationEntryPoint delegate = new BearerTokenServerAuthenticationEntryPoint();

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException authException) {
		AuthenticationException normalized = BearerTokenRefusals.normalize(authException);
		ServerHttpResponse response = exchange.getResponse();
		// Spring's entry point sets the status and the header, then completes the
		// response; the body must go out instead of that empty completion.
		return this.delegate.commence(new HeadersOnly(exchange), normalized).then(Mono.defer(() -> {
			HttpStatusCode status = response.getStatusCode();
			byte[] body = BearerTokenRefusals.jsonBody((status != null) ? status.value() : 401, normalized)
				.getBytes(StandardCharsets.UTF_8);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getHeaders().setContentLength(body.length);
			DataBuffer buffer = response.bufferFactory().wrap(body);
			return response.writeWith(Mono.just(buffer));
		}));
	}

	/**
	 * The exchange as Spring's entry point sees it: a response whose
	 * {@code setComplete()} does nothing, so the body can still be written.
	 */
	private static final class HeadersOnly extends ServerWebExchangeDecorator {

		private final ServerHttpResponse response;

		HeadersOnly(ServerWebExchange exchange) {
			super(exchange);
			this.response = new ServerHttpResponseDecorator(exchange.getResponse()) {

				@Override
				public Mono<Void> setComplete() {
					return Mono.empty();
				}

			};
		}

		@Override
		public ServerHttpResponse getResponse() {
			return this.response;
		}

	}

}
