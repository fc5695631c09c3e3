package io.github.cognitosso.docs.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md, "Users and clients": a simulator built in code, without Spring.
 */
class SimulatorSetupTests {

	private final Clock clock = Clock.systemUTC();

	@Test
	void usersAndClientsBuiltInCodeAnswerAtTheSimulator() {
		Clock clock = this.clock;
		// tag::builder[]
		CognitoSimulator cognito = CognitoSimulator.builder()
			.user(SimulatedUser.of("carol", "carol-password", "editors"))
			.client(SimulatedClient.confidential("web", "web-secret",
					List.of("http://localhost:8080/login/oauth2/code/cognito"), List.of("http://localhost:8080/")))
			.client(SimulatedClient.publicClient("spa", List.of("http://localhost:3000/callback"), List.of()))
			.client(SimulatedClient.machine("batch", "batch-secret", "orders-api/read"))
			.clock(clock) // optional: control token and code expiry
			.build()
			.start();
		// end::builder[]
		try (cognito) {
			assertThat(cognito.user("carol").groups()).containsExactly("editors");
			assertThat(cognito.client("spa").isConfidential()).isFalse();
			MultiValueMap<String, String> grant = new LinkedMultiValueMap<>();
			grant.add("grant_type", "client_credentials");
			Map<String, Object> token = RestClient.create(cognito.baseUrl())
				.post()
				.uri("/oauth2/token")
				.headers((headers) -> headers.setBasicAuth("batch", "batch-secret"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(grant)
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(token).containsKey("access_token").containsEntry("token_type", "Bearer");
		}
	}

}
