package io.github.cognitosso.benchmarks.load.reactive;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API both reactive load-test applications serve, on WebFlux: the same endpoint and
 * body as the servlet benchmark's {@code HelloController}, so each request goes through
 * bearer-token validation, the authentication converter, authorization and WebFlux.
 */
@RestController
public class ReactiveHelloController {

	@GetMapping("/api/hello")
	public Mono<String> hello(Authentication authentication) {
		return Mono.just("hello " + authentication.getName());
	}

}
