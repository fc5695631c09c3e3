package io.github.cognitosso.docs.login;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * docs/login.md, "Calling APIs with the user's token, and refresh": the signed-in user's
 * access token sent to another API.
 */
@RestController
class OrdersController {

	private final RestClient ordersApi;

	OrdersController(@Value("${orders-api.base-url:https://api.example.com}") String baseUrl) {
		this.ordersApi = RestClient.create(baseUrl);
	}

	// tag::orders[]
	@GetMapping("/orders")
	List<Order> orders(@RegisteredOAuth2AuthorizedClient("cognito") OAuth2AuthorizedClient client) {
		return this.ordersApi.get()
			.uri("/orders")
			.headers((h) -> h.setBearerAuth(client.getAccessToken().getTokenValue()))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}
	// end::orders[]

	record Order(String id) {
	}

}
