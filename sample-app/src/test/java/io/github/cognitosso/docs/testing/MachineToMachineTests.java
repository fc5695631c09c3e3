package io.github.cognitosso.docs.testing;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md, "Machine to machine": the client credentials grant at the simulator,
 * and the application's own API accepting the machine token.
 */
// tag::m2m[]
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cognito.client-credentials.client-id=demo-machine",
				"cognito.client-credentials.client-secret=demo-machine-secret",
				"cognito.client-credentials.base-url=http://localhost:${local.server.port}",
				"cognito.resource-server.accepted-client-ids=demo-machine" })
@EnableCognitoSimulator
class MachineToMachineTests {

	@Autowired
	CognitoSimulator cognito;

	@Autowired
	@Qualifier("cognitoRestClient")
	RestClient machine;

	@LocalServerPort
	int port;

	@Test
	void machineTokenFromTheSimulatorIsAcceptedByTheApi() {
		String orders = this.machine.get().uri("/orders").retrieve().body(String.class);
		assertThat(orders).isEqualTo("[\"order-1\",\"order-2\"]");
		this.cognito.wireMock()
			.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=client_credentials")));
	}

	@Test
	void apiAcceptsAMintedMachineToken() {
		String token = this.cognito.tokens().machineToken("demo-machine", "demo-api/read");
		String orders = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.body(String.class);
		assertThat(orders).isEqualTo("[\"order-1\",\"order-2\"]");
	}

}
// end::m2m[]
