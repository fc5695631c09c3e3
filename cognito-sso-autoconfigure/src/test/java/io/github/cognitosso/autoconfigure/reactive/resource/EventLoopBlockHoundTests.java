package io.github.cognitosso.autoconfigure.reactive.resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With BlockHound installed, any blocking call on a non-blocking thread (a Netty event
 * loop, Reactor's parallel scheduler) throws: the first token of a cold application,
 * whose keys must be fetched over HTTP, still gets through, so the fetch ran elsewhere.
 * The same decoder without the reactive wrapper blocks and is caught, which shows the
 * check is live. Runs in its own JVM (BlockHound cannot be uninstalled; surefire's
 * {@code event-loop} execution, with the JVM flag BlockHound needs on JDK 13+).
 */
@SpringBootTest(classes = ReactiveResourceServerTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID,
				// A loaded build machine: the first key fetch may take longer than 2 s.
				"cognito.resource-server.jwks.read-timeout=10s" })
class EventLoopBlockHoundTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install();
	}

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void blockHoundCatchesABlockingCallOnANonBlockingThread() {
		Mono<Object> blocking = Mono.fromRunnable(() -> LockSupport.parkNanos(1_000))
			.subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(hasBlockingError(ex)).as("BlockingOperationError in %s", ex).isTrue());
	}

	@Test
	void theFirstTokenOfAColdApplicationIsAcceptedWithoutBlockingTheEventLoop() {
		jwks.resetCount();
		HttpResponse<String> response = get("/api/hello", TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
		HttpResponse<String> thread = get("/api/thread",
				TestTokens.sign(TestTokens.userAccessToken((claims) -> claims.claim("jti", "second"))));
		// A Netty event-loop thread (Boot names them webflux-http-epoll-N or -nio-N).
		assertThat(thread.body()).matches("(webflux|reactor)-http-.*");
	}

	@Test
	void aKeyFetchRunsOnBoundedElasticWhileACachedKeyIsUsedOnTheCallingThread() {
		try (JwksServer own = new JwksServer().publish(TestTokens.POOL_KEY)) {
			CognitoJwtDecoder blocking = decoder(own);
			CognitoReactiveJwtDecoder reactive = new CognitoReactiveJwtDecoder(blocking);
			AtomicReference<String> emittedOn = new AtomicReference<>();
			Jwt first = reactive.decode(TestTokens.sign(TestTokens.userAccessToken()))
				.doOnNext((jwt) -> emittedOn.set(Thread.currentThread().getName()))
				.subscribeOn(Schedulers.parallel())
				.block(Duration.ofSeconds(10));
			assertThat(first.getSubject()).isNotNull();
			assertThat(emittedOn.get()).startsWith("boundedElastic-");
			Jwt second = reactive.decode(TestTokens.sign(TestTokens.machineAccessToken()))
				.doOnNext((jwt) -> emittedOn.set(Thread.currentThread().getName()))
				.subscribeOn(Schedulers.parallel())
				.block(Duration.ofSeconds(10));
			assertThat(second.getSubject()).isEqualTo(TestTokens.MACHINE_CLIENT_ID);
			assertThat(emittedOn.get()).startsWith("parallel-");
			assertThat(own.fetches()).isEqualTo(1);
		}
	}

	@Test
	void theSameDecoderCalledDirectlyOnANonBlockingThreadIsCaughtBlocking() {
		try (JwksServer own = new JwksServer().publish(TestTokens.POOL_KEY)) {
			CognitoJwtDecoder blocking = decoder(own);
			String token = TestTokens.sign(TestTokens.userAccessToken());
			Mono<Jwt> naive = Mono.fromCallable(() -> blocking.decode(token)).subscribeOn(Schedulers.parallel());
			assertThatThrownBy(() -> naive.block(Duration.ofSeconds(10)))
				.satisfies((ex) -> assertThat(hasBlockingError(ex)).as("BlockingOperationError in %s", ex).isTrue());
		}
	}

	private static boolean hasBlockingError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BlockingOperationError) {
				return true;
			}
		}
		return false;
	}

	private static CognitoJwtDecoder decoder(JwksServer server) {
		CognitoProperties pool = new CognitoProperties();
		pool.setUserPoolId(TestTokens.POOL_ID);
		pool.setClientId(TestTokens.CLIENT_ID);
		pool.setJwkSetUri(server.jwkSetUri());
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		resourceServer.getJwks().setReadTimeout(Duration.ofSeconds(10));
		resourceServer.setAcceptedClientIds(List.of(TestTokens.MACHINE_CLIENT_ID));
		return CognitoJwtDecoders.fromProperties(pool, resourceServer, pool.toEndpoints(), Clock.systemUTC());
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
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

}
