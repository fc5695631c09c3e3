package io.github.cognitosso.docs.testing;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * docs/testing.md, "With plain JUnit 5": the extension instead of the annotation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlainJUnitExtensionTests {

	// tag::extension[]
	@RegisterExtension
	static CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(CognitoSimulator.demo());

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		cognito.simulator().properties("demo-client").forEach((name, value) -> registry.add(name, () -> value));
	}
	// end::extension[]

	@LocalServerPort
	int port;

	@Test
	void testMethodsGetTheSimulatorAsAParameter(CognitoSimulator simulator) {
		String token = simulator.tokens().accessToken(simulator.user("alice"), "demo-client", "demo-api/read");
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
