package io.github.cognitosso.autoconfigure.reactive.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny WebFlux API behind the starter, written the way a user would: no security
 * configuration at all. Secured methods return a {@code Mono}, as reactive method
 * security requires. A test component, so that the servlet applications of other tests,
 * which scan this package, leave it out.
 */
@SpringBootConfiguration
@TestComponent
@EnableAutoConfiguration
@Import(ReactiveResourceServerTestApplication.ApiController.class)
class ReactiveResourceServerTestApplication {

	@RestController
	static class ApiController {

		@GetMapping("/api/hello")
		Mono<String> hello(Authentication authentication) {
			return Mono.just("hello " + authentication.getName());
		}

		@GetMapping("/api/me")
		Mono<Map<String, Object>> me(CognitoAuthentication caller) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", caller.getName());
			me.put("username", caller.getUsername().orElse(null));
			me.put("groups", caller.getGroups());
			me.put("scopes", caller.getScopes());
			me.put("clientId", caller.getClientId().orElse(null));
			me.put("tokenUse", caller.getTokenUse().claimValue());
			me.put("machine", caller.isMachine());
			return Mono.just(me);
		}

		@GetMapping("/api/subject")
		Mono<String> subject(@AuthenticationPrincipal Jwt jwt) {
			return Mono.just(jwt.getSubject());
		}

		@GetMapping("/api/admin")
		@PreAuthorize("hasRole('admin')")
		Mono<String> admin() {
			return Mono.just("admin area");
		}

		@GetMapping("/api/orders")
		@PreAuthorize("hasAuthority('SCOPE_orders/read')")
		Mono<String> orders() {
			return Mono.just("orders");
		}

		@PostMapping("/api/orders")
		Mono<String> createOrder(Authentication authentication) {
			return Mono.just("created by " + authentication.getName());
		}

		@GetMapping("/api/users-only")
		@PreAuthorize("!authentication.machine")
		Mono<String> usersOnly() {
			return Mono.just("users only");
		}

		@GetMapping("/api/thread")
		Mono<String> thread() {
			return Mono.just(Thread.currentThread().getName());
		}

	}

}
