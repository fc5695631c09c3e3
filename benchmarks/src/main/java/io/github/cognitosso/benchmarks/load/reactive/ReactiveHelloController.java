package io.github.cognitosso.benchmarks.load.reactive;

import io.github.cognitosso.benchmarks.load.HelloController;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API every reactive load-test application serves, on WebFlux: the same endpoint and
 * body as the servlet benchmark's {@code HelloController}, so each request goes through
 * bearer-token validation, the authentication converter, authorization and WebFlux. In
 * the unsecured floor there is no caller, and it answers with
 * {@link HelloController#UNSECURED_CALLER} instead.
 */
@RestController
public class ReactiveHelloController {

	/**
	 * @param authentication the caller, or {@code null} in the unsecured floor
	 */
	@GetMapping("/api/hello")
	public Mono<String> hello(Authentication authentication) {
		return Mono
			.just("hello " + ((authentication != null) ? authentication.getName() : HelloController.UNSECURED_CALLER));
	}

}
