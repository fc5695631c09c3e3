package io.github.cognitosso.docs.reactive;

import java.util.List;

import io.github.cognitosso.autoconfigure.reactive.client.CognitoReactiveClientCredentials;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * docs/reactive.md: machine-to-machine calls on {@code WebClient}.
 */
@Component
class InventoryClient {

	private final WebClient inventory;

	private final WebClient reports;

	// tag::web-client[]
	InventoryClient(@Qualifier("cognitoWebClient") WebClient inventory, CognitoReactiveClientCredentials m2m) {
		this.inventory = inventory;
		this.reports = WebClient.builder().apply(m2m.customizer("reports")).build();
	}

	Mono<List<String>> items() {
		return this.inventory.get().uri("/items").retrieve().bodyToMono(new ParameterizedTypeReference<>() {
		});
	}
	// end::web-client[]

	Mono<String> report() {
		return this.reports.get().uri("/report").retrieve().bodyToMono(String.class);
	}

}
