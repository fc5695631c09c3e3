package io.github.cognitosso.docs.m2m;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

// tag::http-exchange[]
interface OrdersApi {

	@GetExchange("/orders")
	List<Order> orders();

}

@Configuration(proxyBeanMethods = false)
class OrdersApiConfiguration {

	@Bean
	OrdersApi ordersApi(@Qualifier("cognitoRestClient") RestClient restClient) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
			.build()
			.createClient(OrdersApi.class);
	}

}
// end::http-exchange[]
