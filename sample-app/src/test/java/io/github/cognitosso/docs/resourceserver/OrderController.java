package io.github.cognitosso.docs.resourceserver;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

// tag::method-security[]
@RestController
class OrderController {

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	@GetMapping("/orders")
	@PreAuthorize("hasAuthority('SCOPE_orders/read')") // custom scope of a Cognito
														// resource server
	List<Order> orders() {
		return this.orders.all();
	}

	@DeleteMapping("/orders/{id}")
	@PreAuthorize("hasRole('admin')") // Cognito group "admin"
	void delete(@PathVariable String id) {
		this.orders.delete(id);
	}

	@PostMapping("/orders")
	@PreAuthorize("!authentication.machine") // users only, no client-credentials tokens
	Order create(@RequestBody Order order) {
		return this.orders.save(order);
	}

}
// end::method-security[]
