package io.github.cognitosso.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole machine-to-machine path with the starter on both sides: the client
 * credentials grant at the simulated Cognito, the token attached by
 * {@code cognitoRestClient}, and the starter's resource server accepting it as a machine
 * whose {@code sub} is the client id. The API's address never comes from the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cognito.resource-server.accepted-client-ids=demo-machine",
				"cognito.client-credentials.client-id=demo-machine",
				"cognito.client-credentials.client-secret=demo-machine-secret",
				"cognito.client-credentials.scopes=demo-api/read" })
@EnableCognitoSimulator
class MachineToMachineTests {

	@Autowired
	private CognitoSimulator cognito;

	@LocalServerPort
	private int port;

	@Test
	void machineTokenFromTheClientCredentialsGrantIsAcceptedByTheResourceServer() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/m2m")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("&quot;caller&quot;:&quot;client:demo-machine&quot;")
				.contains("&quot;machine&quot;:true")
				.contains("&quot;scopes&quot;:[&quot;demo-api/read&quot;]");
		}
		// One token served all three calls.
		assertThat(this.cognito.wireMock()
			.countRequestsMatching(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/oauth2/token")).build())
			.getCount()).isEqualTo(1);
	}

	@Test
	void forgedHostHeaderDoesNotRedirectTheMachineTokenToAnotherHost() throws Exception {
		String page = getWithHost("/m2m", "attacker.example");

		assertThat(page).startsWith("HTTP/1.1 200")
			.contains("GET http://127.0.0.1:" + this.port + "/api/hello")
			.contains("&quot;caller&quot;:&quot;client:demo-machine&quot;")
			.doesNotContain("attacker.example");
	}

	@Test
	void hostHeaderNamingAnotherServerSendsNothingThere() throws Exception {
		// The simulator is a server that records every request: name it in Host, as an
		// attacker would name theirs.
		String otherServer = "127.0.0.1:" + this.cognito.wireMock().port();

		String page = getWithHost("/m2m", otherServer);

		assertThat(page).contains("&quot;caller&quot;:&quot;client:demo-machine&quot;");
		assertThat(this.cognito.wireMock()
			.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/hello")).build())
			.getCount()).isZero();
	}

	/**
	 * Java's HTTP clients refuse to set {@code Host}, so the request is written by hand:
	 * HTTP/1.0, so that the answer is neither chunked nor kept alive.
	 */
	private String getWithHost(String path, String host) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAccept: text/html\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
