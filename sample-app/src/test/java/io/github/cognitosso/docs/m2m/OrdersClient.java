package io.github.cognitosso.docs.m2m;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

// tag::rest-client[]
@Service
class OrdersClient {

	private final RestClient orders;

	OrdersClient(@Qualifier("cognitoRestClient") RestClient orders) {
		this.orders = orders;
	}

	List<Order> openOrders() {
		return this.orders.get().uri("/orders?status=open").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

}
// end::rest-client[]
