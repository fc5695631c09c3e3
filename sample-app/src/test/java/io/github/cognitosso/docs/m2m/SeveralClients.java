package io.github.cognitosso.docs.m2m;

import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;

/**
 * The named clients of a {@link CognitoClientCredentials}, used the four ways
 * docs/machine-to-machine.md shows, and the handling of a failed token request.
 */
class SeveralClients {

	private final CognitoClientCredentials m2m;

	private final RestClient.Builder restClientBuilder;

	SeveralClients(CognitoClientCredentials m2m, RestClient.Builder restClientBuilder) {
		this.m2m = m2m;
		this.restClientBuilder = restClientBuilder;
	}

	OAuth2AccessToken useEveryWay() {
		CognitoClientCredentials m2m = this.m2m;
		RestClient.Builder restClientBuilder = this.restClientBuilder;
		// tag::named-clients[]
		RestClient inventory = restClientBuilder.apply(m2m.customizer("inventory")).build(); // interceptor
																								// +
																								// base-url
		RestClient billing = RestClient.builder()
			.baseUrl("https://billing.example.com")
			.requestInterceptor(m2m.interceptor("billing")) // interceptor only
			.build();
		RestClient ready = m2m.restClient("inventory"); // built once, like
														// cognitoRestClient
		OAuth2AccessToken token = m2m.accessToken("billing"); // for gRPC, WebSocket,
																// messaging...
		// end::named-clients[]
		inventory.get().uri("/stock").retrieve().toBodilessEntity();
		billing.get().uri("/invoices").retrieve().toBodilessEntity();
		ready.get().uri("/stock").retrieve().toBodilessEntity();
		return token;
	}

	void handleTokenFailure(RestClient orders) {
		// tag::token-failure[]
		try {
			orders.get().uri("/orders").retrieve().toBodilessEntity();
		}
		catch (CognitoTokenException ex) {
			ex.clientName(); // "default"
			ex.errorCode(); // "invalid_client"
			ex.httpStatus(); // OptionalInt[400]
			ex.errorDescription(); // Cognito's error_description, if any
		}
		// end::token-failure[]
	}

}
