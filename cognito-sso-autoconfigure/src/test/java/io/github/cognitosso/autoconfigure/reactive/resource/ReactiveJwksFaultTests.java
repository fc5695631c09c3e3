package io.github.cognitosso.autoconfigure.reactive.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's JWKS endpoint misbehaving behind a real WebFlux application: down, rotated,
 * slow, answering garbage, flooded with forged kids. Every answer is a 401 naming the
 * problem (never a 500, never a hang), cached keys keep working, and Cognito is asked at
 * most once per refetch cooldown. Each test starts with a fresh application, so with no
 * keys fetched yet.
 */
@SpringBootTest(classes = ReactiveResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID, "cognito.resource-server.jwks.read-timeout=3s",
				"cognito.resource-server.jwks.refetch-cooldown=30s" })
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class ReactiveJwksFaultTests {

	private static final String KEYS_UNAVAILABLE = "Keys unavailable: the user pool's signing keys could not be "
			+ "fetched";

	private static final String UNKNOWN_KEY = "Unknown key: the token's kid is not a signing key of the user pool";

	private static final JwksServer jwks = new JwksServer();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@BeforeEach
	void publishThePoolKey() {
		jwks.publish(TestTokens.POOL_KEY);
		jwks.resetCount();
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	private HttpResponse<String> get(String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/hello"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String description(HttpResponse<String> response) {
		Matcher matcher = DESCRIPTION.matcher(response.headers().firstValue("WWW-Authenticate").orElse(""));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String valid() {
		return TestTokens.sign(TestTokens.userAccessToken());
	}

	@Test
	void aKeySetThatIsDownIsAnInvalidTokenAndIsNotAskedAgainWithinTheCooldown() {
		jwks.fail();
		HttpResponse<String> first = get(valid());
		HttpResponse<String> second = get(valid());
		assertThat(first.statusCode()).isEqualTo(401);
		assertThat(description(first)).isEqualTo(KEYS_UNAVAILABLE);
		assertThat(second.statusCode()).isEqualTo(401);
		assertThat(jwks.fetches()).isEqualTo(1);
	}

	@Test
	void cachedKeysKeepWorkingWhileTheKeySetIsDown() {
		assertThat(get(valid()).statusCode()).isEqualTo(200);
		jwks.fail();
		String other = TestTokens.sign(TestTokens.userAccessToken((claims) -> claims.claim("jti", "another")));
		assertThat(get(other).statusCode()).isEqualTo(200);
		assertThat(jwks.fetches()).isEqualTo(1);
	}

	@Test
	void aRotatedKeyIsAcceptedAfterOneRefetch() {
		assertThat(get(valid()).statusCode()).isEqualTo(200);
		jwks.publish(TestTokens.POOL_KEY, TestTokens.ROTATED_KEY);
		HttpResponse<String> rotated = get(TestTokens.sign(TestTokens.ROTATED_KEY, TestTokens.userAccessToken()));
		assertThat(rotated.statusCode()).isEqualTo(200);
		assertThat(jwks.fetches()).isEqualTo(2);
	}

	@Test
	void aSlowKeySetWithinTheDeadlineStillAnswersTheFirstToken() {
		jwks.hang(300);
		HttpResponse<String> response = get(valid());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
	}

	@Test
	void aKeySetSlowerThanTheDeadlineIsAnInvalidTokenNotAHang() {
		jwks.hang(10_000);
		long start = System.nanoTime();
		HttpResponse<String> response = get(valid());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(description(response)).isEqualTo(KEYS_UNAVAILABLE);
	}

	@Test
	void garbageInsteadOfAKeySetIsAnInvalidToken() {
		jwks.garbage();
		HttpResponse<String> response = get(valid());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(description(response)).isEqualTo(KEYS_UNAVAILABLE);
	}

	@Test
	void aFloodOfForgedKidsCostsCognitoAtMostOneRefetchPerCooldown() {
		assertThat(get(valid()).statusCode()).isEqualTo(200);
		List<CompletableFuture<HttpResponse<String>>> flood = IntStream.range(0, 50)
			.mapToObj((i) -> TestTokens.sign(TestTokens.POOL_KEY,
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged-" + i).build(),
					TestTokens.userAccessToken().build()))
			.map((token) -> CompletableFuture.supplyAsync(() -> get(token)))
			.toList();
		for (CompletableFuture<HttpResponse<String>> response : flood) {
			assertThat(response.join().statusCode()).isEqualTo(401);
			assertThat(description(response.join())).isEqualTo(UNKNOWN_KEY);
		}
		assertThat(jwks.fetches()).isLessThanOrEqualTo(2);
	}

}
