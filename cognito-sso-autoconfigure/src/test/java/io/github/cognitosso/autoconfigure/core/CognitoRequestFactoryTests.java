package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CognitoRequestFactoryTests {

	@RegisterExtension
	static final WireMockExtension cognito = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void redirectIsReturnedAsItCameAndNotFollowed() {
		cognito.stubFor(get("/.well-known/jwks.json")
			.willReturn(aResponse().withStatus(302).withHeader("Location", cognito.baseUrl() + "/elsewhere")));
		cognito.stubFor(get("/elsewhere").willReturn(ok("{\"keys\":[]}")));

		ResponseEntity<Void> answer = client(Duration.ofSeconds(2), Duration.ofSeconds(5)).get()
			.uri(cognito.baseUrl() + "/.well-known/jwks.json")
			.retrieve()
			.toBodilessEntity();

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(answer.getHeaders().getFirst("Location")).isEqualTo(cognito.baseUrl() + "/elsewhere");
		cognito.verify(exactly(0), getRequestedFor(urlEqualTo("/elsewhere")));
	}

	@Test
	void connectionThatIsNeverAcceptedFailsWithTheConnectTimeout() throws IOException {
		// A listening socket whose accept queue is full: the kernel drops further
		// connection attempts, so a connect waits until its timeout.
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> queued = fillAcceptQueue(server);
			try {
				// The deadline is far away: only the connect timeout can end this.
				RestClient client = client(Duration.ofMillis(300), Duration.ofMinutes(5));

				ResourceAccessException failure = catchThrowableOfType(ResourceAccessException.class,
						() -> client.get()
							.uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/oauth2/token"))
							.retrieve()
							.toBodilessEntity());

				assertThat(failure).cause().isInstanceOf(HttpConnectTimeoutException.class);
			}
			finally {
				for (Socket socket : queued) {
					socket.close();
				}
			}
		}
	}

	@Test
	void answerThatTricklesPastTheDeadlineIsCutOff() {
		// Headers at once, then the body a few bytes at a time over 20 seconds.
		cognito.stubFor(get("/oauth2/userInfo")
			.willReturn(ok("{\"sub\":\"" + "x".repeat(200) + "\"}").withChunkedDribbleDelay(50, 20_000)));
		RestClient client = client(Duration.ofSeconds(2), Duration.ofMillis(500));

		// Depending on when the deadline strikes: while waiting for the body or while
		// reading it.
		RestClientException failure = catchThrowableOfType(RestClientException.class,
				() -> client.get().uri(cognito.baseUrl() + "/oauth2/userInfo").retrieve().body(String.class));

		assertThat(failure).hasRootCauseInstanceOf(IOException.class);
	}

	@Test
	void answersAreAskedForUncompressedSoACutOffBodyFailsAsAnIoError() {
		cognito.stubFor(get("/.well-known/jwks.json").willReturn(ok("{\"keys\":[]}")));

		String body = client(Duration.ofSeconds(2), Duration.ofSeconds(5)).get()
			.uri(cognito.baseUrl() + "/.well-known/jwks.json")
			.retrieve()
			.body(String.class);

		assertThat(body).isEqualTo("{\"keys\":[]}");
		cognito.verify(getRequestedFor(urlEqualTo("/.well-known/jwks.json")).withoutHeader("Accept-Encoding"));
	}

	@Test
	void clientNeverFollowsRedirectsAndCarriesTheConnectTimeout() {
		HttpClient httpClient = CognitoRequestFactory.httpClient(Duration.ofMillis(1500));

		assertThat(httpClient.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
		assertThat(httpClient.connectTimeout()).contains(Duration.ofMillis(1500));
	}

	private static RestClient client(Duration connectTimeout, Duration deadline) {
		return RestClient.builder().requestFactory(CognitoRequestFactory.create(connectTimeout, deadline)).build();
	}

	private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
		List<Socket> queued = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
				queued.add(socket);
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				return queued;
			}
		}
		for (Socket socket : queued) {
			socket.close();
		}
		throw new IllegalStateException("The accept queue never filled up");
	}

}
