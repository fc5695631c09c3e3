package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import io.github.cognitosso.autoconfigure.servlet.login.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The WebFlux refresh lock in a real {@code redis-server}, taken and waited for on
 * Reactor's parallel scheduler with BlockHound installed: any blocking call on the way (a
 * sleep between attempts, a blocking Redis command) would fail the work with a
 * {@code BlockingOperationError}. Runs in surefire's {@code event-loop} execution.
 */
class RedisWebSessionLockBlockHoundTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static LettuceConnectionFactory connections;

	private static RedisWebSessionLock lock;

	@BeforeAll
	static void installBlockHoundAndConnect() {
		BlockHound.install();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connections.afterPropertiesSet();
		connections.start();
		ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(connections);
		// The application's connection is open long before a refresh: opened here, on the
		// test's thread.
		assertThat(template.hasKey("warm-up").block(Duration.ofSeconds(10))).isFalse();
		// A time to live of 5 s: how long a request waits for a lock held elsewhere.
		lock = new RedisWebSessionLock(template, new SharedSessionRefreshLock(Duration.ZERO));
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void twoRequestsOfOneSessionTakeTheRedisLockInTurnWithoutBlockingAThread() {
		List<String> events = new CopyOnWriteArrayList<>();
		Sinks.Empty<Void> firstMayEnd = Sinks.empty();
		Mono<String> first = lock
			.locked("session-1",
					() -> Mono.fromRunnable(() -> events.add("first holds"))
						.then(firstMayEnd.asMono())
						.then(Mono.fromCallable(() -> events.add("first ends") ? "first" : "")))
			.subscribeOn(Schedulers.parallel());
		Mono<String> second = lock
			.locked("session-1", () -> Mono.fromCallable(() -> events.add("second holds") ? "second" : ""))
			.subscribeOn(Schedulers.parallel());

		Mono<String> firstDone = first.cache();
		firstDone.subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("first holds"));
		assertThat(redis.command("EXISTS " + SharedSessionRefreshLock.key("session-1"))).isEqualTo(":1");
		Mono<String> secondDone = second.cache();
		secondDone.subscribe();
		// The second asks Redis again every 20 ms, on the parallel scheduler, meanwhile.
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(10))
			.until(() -> events.equals(List.of("first holds")));

		firstMayEnd.tryEmitEmpty();

		assertThat(firstDone.block(Duration.ofSeconds(10))).isEqualTo("first");
		assertThat(secondDone.block(Duration.ofSeconds(10))).isEqualTo("second");
		assertThat(events).containsExactly("first holds", "first ends", "second holds");
		assertThat(redis.command("EXISTS " + SharedSessionRefreshLock.key("session-1"))).isEqualTo(":0");
	}

	@Test
	void workThatFailsReleasesTheLock() {
		Mono<String> failing = lock
			.<String>locked("session-2", () -> Mono.error(new IllegalStateException("Cognito refused")))
			.subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> failing.block(Duration.ofSeconds(10))).hasMessageContaining("Cognito refused");

		assertThat(redis.command("EXISTS " + SharedSessionRefreshLock.key("session-2"))).isEqualTo(":0");
		assertThat(lock.locked("session-2", () -> Mono.just("next"))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(10))).isEqualTo("next");
	}

	@Test
	void aLockHeldElsewhereForLongerThanItsTimeToLiveAnswersTemporarilyUnavailableAndStaysTheOthers() {
		String key = SharedSessionRefreshLock.key("session-3");
		assertThat(redis.command("SET " + key + " another-instance PX 60000")).isEqualTo("+OK");
		List<String> events = new CopyOnWriteArrayList<>();

		Mono<String> waiting = lock.locked("session-3", () -> Mono.fromCallable(() -> {
			events.add("ran");
			return "ran";
		})).subscribeOn(Schedulers.parallel());

		assertThatThrownBy(() -> waiting.block(Duration.ofSeconds(30))).isInstanceOfSatisfying(
				OAuth2AuthorizationException.class,
				(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable"));
		assertThat(events).isEmpty();
		// Released by its owner only.
		assertThat(redis.bulk("GET " + key)).isEqualTo("another-instance");
	}

}
