package io.github.cognitosso.docs.reactive;

import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/reactive.md: a WebFlux controller, the caller as a parameter, method security on a
 * {@code Mono}.
 */
@RestController
class OrdersController {

	// tag::controller[]
	@GetMapping("/me")
	Mono<Map<String, Object>> me(CognitoAuthentication caller) {
		return Mono.just(Map.of("name", caller.getName(), "groups", caller.getGroups(), "machine", caller.isMachine()));
	}

	@GetMapping("/orders")
	@PreAuthorize("hasAuthority('SCOPE_orders/read')")
	Mono<List<String>> orders() {
		return Mono.just(List.of("order-1", "order-2"));
	}
	// end::controller[]

	@GetMapping("/public/ping")
	Mono<String> ping() {
		return Mono.just("pong");
	}

	@GetMapping("/admin/stats")
	Mono<String> stats() {
		return Mono.just("stats");
	}

}
