package io.github.cognitosso.sample;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged sample ({@code java -jar}, profile {@code redis}) on one
 * Redis (Debian's {@code redis-server}, started here) and one Cognito simulator with
 * refresh token rotation on: the browser alternates between them (cookies are per host,
 * not per port, so {@code localhost:A} and {@code localhost:B} share the session cookie).
 * <p>
 * The access token is forced to expire by issuing it at sign-in for 70 seconds: the
 * starter refreshes a token within 60 seconds of its expiry, so it counts as expired ten
 * seconds later; the refresh then brings a one-hour token.
 */
class SeveralInstancesIT {

	private static final String CLIENT_ID = "sample-instances";

	private static final String CLIENT_SECRET = "sample-instances-secret";

	private static final Duration EXPIRES_SOON = Duration.ofSeconds(70);

	private static final java.nio.file.Path FAILURES = java.nio.file.Path.of("target", "screenshots");

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static CognitoSimulator cognito;

	private static SampleJar a;

	private static SampleJar b;

	private HeadlessChromium browser;

	@RegisterExtension
	final TestWatcher failures = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (SeveralInstancesIT.this.browser != null) {
				SeveralInstancesIT.this.browser.saveScreenshot(FAILURES, context.getDisplayName());
				SeveralInstancesIT.this.browser.savePageSource(FAILURES, context.getDisplayName());
			}
		}
	};

	@BeforeAll
	static void startCognitoAndBothInstances() {
		cognito = CognitoSimulator.builder()
			.userPoolId("eu-west-1_Instances")
			.user(SimulatedUser.of("alice", "alice-password", "admin"))
			.client(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of())
				.withRefreshTokenRotation(true))
			.build()
			.start();
		int portA = SampleJar.reservePort();
		int portB = SampleJar.reservePort();
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
		CompletableFuture<SampleJar> second = CompletableFuture
			.supplyAsync(() -> SampleJar.start(portB, Map.of(), args));
		a = SampleJar.start(portA, Map.of(), args);
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
	void freshBrowserAndTokensThatExpireSoon() {
		redis.start();
		this.browser = new HeadlessChromium();
		tokensValidFor(EXPIRES_SOON);
		cognito.wireMock().resetRequests();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aUserSignedInOnOneInstanceIsSignedInOnBothUntilSigningOutOnEither() {
		this.browser.open(a.url() + "/me");
		this.browser.signInAtCognito("alice", "alice-password");
		this.browser.waitForUrl(a.url() + "/me");
		Instant signedIn = Instant.now();
		assertThat(this.browser.text("username")).isEqualTo("alice");
		tokensValidFor(Duration.ofHours(1));

		this.browser.open(b.url() + "/me");
		assertThat(this.browser.text("username")).isEqualTo("alice");
		this.browser.open(a.url() + "/admin");
		assertThat(this.browser.text("admin")).contains("alice");
		assertThat(refreshes()).isZero();

		awaitExpiry(signedIn);
		this.browser.open(b.url() + "/me");
		assertThat(this.browser.text("username")).isEqualTo("alice");
		assertThat(this.browser.text("access-token-expiry")).contains("59 min");
		assertThat(refreshes()).isEqualTo(1);
		this.browser.open(a.url() + "/me");
		assertThat(this.browser.text("access-token-expiry")).as("A uses the token B refreshed").contains("59 min");
		assertThat(refreshes()).isEqualTo(1);

		this.browser.click("signout-button");
		this.browser.waitForUrl(a.url() + "/");
		assertThat(this.browser.text("greeting")).contains("You are not signed in.");
		this.browser.open(b.url() + "/me");
		this.browser.waitFor(By.id("signin-button"));
		assertThat(this.browser.showsCognitoSignInForm()).as("the Cognito session ended too").isTrue();
	}

	@Test
	void twentyParallelRequestsOnBothInstancesAfterExpiryRefreshOnceAndAllAnswer() throws Exception {
		Instant signedIn = signIn();
		tokensValidFor(Duration.ofHours(1));
		String session = sessionCookie();
		awaitExpiry(signedIn);

		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			SampleJar instance = (i % 2 == 0) ? a : b;
			calls.add(() -> get(instance.url() + "/me", "Cookie", "SESSION=" + session, "Accept", "text/html"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("<dd id=\"username\">alice</dd>");
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(refreshes()).isEqualTo(1);
		this.browser.open(b.url() + "/admin");
		assertThat(this.browser.text("admin")).contains("alice");
	}

	@Test
	void redisStoppedMidSessionAnswers503AndTheRefreshedSessionIsBackWhenRedisIs() {
		Instant signedIn = signIn();
		tokensValidFor(Duration.ofHours(1));
		String session = sessionCookie();
		awaitExpiry(signedIn);
		this.browser.open(b.url() + "/me");
		assertThat(this.browser.text("username")).isEqualTo("alice");
		assertThat(refreshes()).isEqualTo(1);
		String bearer = cognito.tokens().accessToken(cognito.user("alice"), CLIENT_ID, "openid");

		redis.stop();

		HttpResponse<String> page = get(a.url() + "/me", "Cookie", "SESSION=" + session, "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception");
		HttpResponse<String> api = get(b.url() + "/api/hello", "Cookie", "SESSION=" + session, "Accept",
				"application/json");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(api.body()).contains("\"error\":\"session_store_unavailable\"");
		HttpResponse<String> withBearer = get(a.url() + "/api/hello", "Authorization", "Bearer " + bearer);
		assertThat(withBearer.statusCode()).isEqualTo(200);
		assertThat(withBearer.body()).contains("alice");

		redis.start();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get(a.url() + "/me", "Cookie", "SESSION=" + session, "Accept", "text/html")
				.statusCode() == 200);
		this.browser.open(a.url() + "/me");
		assertThat(this.browser.text("username")).isEqualTo("alice");
		// The token B refreshed before the outage was written: no second refresh, which
		// rotation would have refused.
		assertThat(this.browser.text("access-token-expiry")).containsPattern("expires in 5\\d min");
		assertThat(refreshes()).isEqualTo(1);
	}

	private Instant signIn() {
		this.browser.open(a.url() + "/me");
		this.browser.signInAtCognito("alice", "alice-password");
		this.browser.waitForUrl(a.url() + "/me");
		Instant signedIn = Instant.now();
		assertThat(this.browser.text("username")).isEqualTo("alice");
		return signedIn;
	}

	private String sessionCookie() {
		Cookie cookie = this.browser.driver().manage().getCookieNamed("SESSION");
		assertThat(cookie).as("Spring Session's cookie").isNotNull();
		return cookie.getValue();
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
			.timeout(Duration.ofSeconds(10))
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
