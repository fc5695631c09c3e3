package io.github.cognitosso.docs.m2m;

import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

// tag::service-group[]
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "orders", types = OrdersApi.class)
class OrdersHttpServices {

	@Bean
	RestClientHttpServiceGroupConfigurer cognitoOrders(CognitoClientCredentials m2m) {
		return (groups) -> groups.filterByName("orders")
			.forEachClient((group, builder) -> builder.apply(m2m.customizer("default")));
	}

}
// end::service-group[]
