package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.cognitosso.autoconfigure.core.ClientCredentialsTokenSource;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token response is held back until every other caller is waiting for it, so the
 * tests do not depend on timing: with one token request per caller, the other callers
 * would never be seen waiting.
 */
class ClientCredentialsSingleFlightTests extends ClientCredentialsWireMockSupport {

	private static final int CALLERS = 20;

	private final ExecutorService executor = Executors.newFixedThreadPool(CALLERS);

	@AfterEach
	void stopCallers() throws InterruptedException {
		HELD.release();
		this.executor.shutdownNow();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void twentyConcurrentFirstCallsCauseOneTokenRequest() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("token-1", 3600).withTransformers(HELD.getName())));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		HELD.hold();
		runner().withPropertyValues("cognito.client-credentials.token-read-timeout=60s").run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			ClientCredentialsTokenSource tokens = context.getBean(CognitoClientCredentials.class)
				.tokenSource("default");
			List<Future<String>> calls = startTogether(() -> orders.get().uri("/orders").retrieve().body(String.class));
			await().atMost(Duration.ofSeconds(30)).until(() -> tokens.callersWaitingForToken() == CALLERS - 1);
			HELD.release();
			for (Future<String> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("[]");
			}
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			api.verify(exactly(CALLERS),
					getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void concurrentCallersShareOneFailedTokenRequest() {
		cognito.stubFor(post(TOKEN_PATH)
			.willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 400).withTransformers(HELD.getName())));
		HELD.hold();
		runner().withPropertyValues("cognito.client-credentials.token-read-timeout=60s").run((context) -> {
			CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
			ClientCredentialsTokenSource tokens = m2m.tokenSource("default");
			List<Future<String>> calls = startTogether(() -> {
				try {
					m2m.accessToken();
					return "token";
				}
				catch (CognitoTokenException ex) {
					return ex.errorCode();
				}
			});
			await().atMost(Duration.ofSeconds(30)).until(() -> tokens.callersWaitingForToken() == CALLERS - 1);
			HELD.release();
			for (Future<String> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("invalid_client");
			}
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	private List<Future<String>> startTogether(java.util.concurrent.Callable<String> call) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> calls = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			calls.add(this.executor.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		return calls;
	}

}
