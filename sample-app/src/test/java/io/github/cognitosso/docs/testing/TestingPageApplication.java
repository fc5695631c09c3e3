package io.github.cognitosso.docs.testing;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the tests of docs/testing.md run against: an orders API for the demo
 * pool's resource server {@code demo-api}, and a greeting for signed-in users, behind the
 * starter's default security.
 */
@SpringBootApplication
public class TestingPageApplication {

	@RestController
	static class OrdersController {

		@GetMapping(path = "/orders", produces = "application/json")
		@PreAuthorize("hasAuthority('SCOPE_demo-api/read')")
		List<String> orders() {
			return List.of("order-1", "order-2");
		}

		@GetMapping("/hello")
		String hello(Authentication authentication) {
			return "Hello, " + authentication.getName();
		}

	}

}
