package io.github.cognitosso.usage;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own application, separate from the sample: an orders API behind the starter,
 * with no security code but one {@code @PreAuthorize}. Its tests use only the public API
 * of cognito-sso-test, as a user's tests would.
 */
@SpringBootApplication
public class OrdersApplication {

	@RestController
	static class OrdersController {

		@GetMapping(path = "/orders", produces = "application/json")
		@PreAuthorize("hasAuthority('SCOPE_orders/read')")
		List<String> orders() {
			return List.of("order-1", "order-2");
		}

	}

}
