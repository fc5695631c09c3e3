package io.github.cognitosso.autoconfigure.reactive.login;

import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.LoginPage;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes the core's built-in login pages ({@link LoginPage}: the same look as on the
 * servlet stack) to a WebFlux response.
 */
final class ServerLoginPages {

	private ServerLoginPages() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String message,
			String detail, String linkText) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		String home = exchange.getRequest().getPath().contextPath().value() + "/";
		byte[] body = LoginPage.html(title, message, detail, home, linkText).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
