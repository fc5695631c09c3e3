package io.github.cognitosso.autoconfigure.servlet.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny API behind the starter, written the way a user would: no security configuration
 * at all.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ResourceServerTestApplication.ApiController.class)
class ResourceServerTestApplication {

	@RestController
	static class ApiController {

		@GetMapping("/api/hello")
		String hello(Authentication authentication) {
			return "hello " + authentication.getName();
		}

		@GetMapping("/api/me")
		Map<String, Object> me(CognitoAuthentication caller) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", caller.getName());
			me.put("username", caller.getUsername().orElse(null));
			me.put("groups", caller.getGroups());
			me.put("scopes", caller.getScopes());
			me.put("clientId", caller.getClientId().orElse(null));
			me.put("tokenUse", caller.getTokenUse().claimValue());
			me.put("machine", caller.isMachine());
			return me;
		}

		@GetMapping("/api/subject")
		String subject(@AuthenticationPrincipal Jwt jwt) {
			return jwt.getSubject();
		}

		@GetMapping("/api/admin")
		@PreAuthorize("hasRole('admin')")
		String admin() {
			return "admin area";
		}

		@GetMapping("/api/orders")
		@PreAuthorize("hasAuthority('SCOPE_orders/read')")
		String orders() {
			return "orders";
		}

		@PostMapping("/api/orders")
		String createOrder(Authentication authentication) {
			return "created by " + authentication.getName();
		}

		@GetMapping("/api/users-only")
		@PreAuthorize("!authentication.machine")
		String usersOnly() {
			return "users only";
		}

	}

}
