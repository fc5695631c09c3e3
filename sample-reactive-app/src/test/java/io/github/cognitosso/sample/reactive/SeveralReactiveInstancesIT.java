package io.github.cognitosso.sample.reactive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged reactive sample ({@code java -jar}, profile
 * {@code redis}, Netty) on one Redis (Debian's {@code redis-server}, started here) and
 * one Cognito simulator with refresh token rotation on, as {@code SeveralInstancesIT}
 * does for the servlet sample: the browser's session cookie is per host, not per port, so
 * {@code localhost:A} and {@code localhost:B} share it.
 * <p>
 * The access token is forced to expire by issuing it at sign-in for 70 seconds: the
 * starter refreshes a token within 60 seconds of its expiry, so it counts as expired ten
 * seconds later; the refresh then brings a one-hour token.
 */
class SeveralReactiveInstancesIT {

	private static final String CLIENT_ID = "reactive-instances";

	private static final String CLIENT_SECRET = "reactive-instances-secret";

	private static final Duration EXPIRES_SOON = Duration.ofSeconds(70);

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static CognitoSimulator cognito;

	private static PackagedJar a;

	private static PackagedJar b;

	private final Browser browser = new Browser();

	@BeforeAll
	static void startCognitoAndBothInstances() {
		cognito = CognitoSimulator.builder()
			.userPoolId("eu-west-1_Reactive")
			.user(SimulatedUser.of("alice", "alice-password", "admin"))
			.client(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of())
				.withRefreshTokenRotation(true))
			.build()
			.start();
		int portA = PackagedJar.reservePort();
		int portB = PackagedJar.reservePort();
		List<String> callbacks = new ArrayList<>();
		List<String> signOuts = new ArrayList<>();
		for (int port : List.of(portA, portB)) {
			callbacks.add("http://localhost:" + port + "/login/oauth2/code/cognito");
			signOuts.add("http://localhost:" + port + "/");
		}
		cognito.allowUrls(CLIENT_ID, callbacks, signOuts);
		List<String> arguments = new ArrayList<>();
		cognito.properties(CLIENT_ID).forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--spring.profiles.active=redis");
		arguments.add("--spring.data.redis.host=127.0.0.1");
		arguments.add("--spring.data.redis.port=" + redis.port());
		String[] args = arguments.toArray(String[]::new);
		CompletableFuture<PackagedJar> second = CompletableFuture
			.supplyAsync(() -> PackagedJar.start(portB, Map.of(), args));
		a = PackagedJar.start(portA, Map.of(), args);
		b = second.join();
	}

	@AfterAll
	static void stopEverything() {
		for (AutoCloseable closeable : new AutoCloseable[] { a, b, cognito }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// Stopping the others matters more.
			}
		}
	}

	@BeforeEach
	void tokensThatExpireSoon() {
		redis.start();
		tokensValidFor(EXPIRES_SOON);
		cognito.wireMock().resetRequests();
	}

	@Test
	void twentyParallelRequestsOnBothInstancesAfterExpiryRefreshOnceAndAllAnswer() throws Exception {
		Instant signedIn = signIn();
		tokensValidFor(Duration.ofHours(1));
		String session = this.browser.cookie("SESSION");
		assertThat(session).as("Spring Session's cookie").isNotNull();
		EntityExchangeResult<String> onB = this.browser.navigate(b.url() + "/me");
		assertThat(Browser.text(onB.getResponseBody(), "username")).as("signed in on B too").isEqualTo("alice");
		awaitExpiry(signedIn);

		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			PackagedJar instance = (i % 2 == 0) ? a : b;
			calls.add(() -> get(instance.url() + "/me", "Cookie", "SESSION=" + session, "Accept", "text/html"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(Browser.text(response.body(), "username")).isEqualTo("alice");
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(refreshes()).isEqualTo(1);
		for (PackagedJar instance : List.of(a, b)) {
			EntityExchangeResult<String> admin = this.browser.navigate(instance.url() + "/admin");
			assertThat(admin.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(Browser.text(admin.getResponseBody(), "admin")).contains("alice");
			EntityExchangeResult<String> me = this.browser.navigate(instance.url() + "/me");
			assertThat(Browser.text(me.getResponseBody(), "access-token-expiry")).as("the refreshed token")
				.containsPattern("expires in 5\\d min");
		}
		assertThat(refreshes()).isEqualTo(1);
	}

	@Test
	void whileRedisIsDownABearerCallWithTheSessionCookieAnswersAsABearerCall() {
		signIn();
		String token = cognito.tokens().accessToken(cognito.user("alice"), CLIENT_ID, "openid");

		redis.stop();
		try {
			EntityExchangeResult<String> page = this.browser.navigate(b.url() + "/me");
			assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			// The browser's own API call with a token: the session cookie goes with it.
			EntityExchangeResult<String> bearer = this.browser.get(b.url() + "/api/hello", "application/json",
					"Bearer " + token);
			assertThat(bearer.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(bearer.getResponseBody()).contains("\"caller\":\"alice\"");
		}
		finally {
			redis.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.browser.navigate(a.url() + "/me").getStatus() == HttpStatus.OK);
	}

	private Instant signIn() {
		EntityExchangeResult<String> me = this.browser.signIn(a.url() + "/me", cognito.baseUrl(), "alice",
				"alice-password");
		Instant signedIn = Instant.now();
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
		return signedIn;
	}

	/**
	 * Waits until a token issued at sign-in for {@link #EXPIRES_SOON} is within the
	 * starter's 60-second refresh margin.
	 */
	private static void awaitExpiry(Instant signedIn) {
		Instant expired = signedIn.plus(EXPIRES_SOON).minusSeconds(60).plusSeconds(1);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Instant.now().isAfter(expired));
	}

	private static void tokensValidFor(Duration validity) {
		cognito.addClient(cognito.client(CLIENT_ID).withAccessTokenValidity(validity));
	}

	private static int refreshes() {
		return cognito.wireMock()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=refresh_token"))
				.build())
			.getCount();
	}

	private static HttpResponse<String> get(String url, String... headers) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.headers(headers)
			.timeout(Duration.ofSeconds(20))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
