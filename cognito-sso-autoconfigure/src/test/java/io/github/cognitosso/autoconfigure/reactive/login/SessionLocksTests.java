package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One piece of work per session at a time, first come first served, without blocking a
 * thread; other sessions are not held up.
 */
class SessionLocksTests {

	private final SessionLocks locks = new SessionLocks();

	@Test
	void workOfOneSessionWaitsForTheWorkQueuedBeforeIt() {
		Sinks.Empty<Void> firstMayEnd = Sinks.empty();
		List<String> events = new CopyOnWriteArrayList<>();
		Mono<String> first = this.locks.serialized("session-1",
				() -> Mono.fromRunnable(() -> events.add("first starts"))
					.then(firstMayEnd.asMono())
					.then(Mono.fromCallable(() -> events.add("first ends") ? "first" : "")));
		Mono<String> second = this.locks.serialized("session-1",
				() -> Mono.fromCallable(() -> events.add("second runs") ? "second" : ""));

		first.subscribe();
		second.subscribe();
		assertThat(events).containsExactly("first starts");

		firstMayEnd.tryEmitEmpty();
		assertThat(events).containsExactly("first starts", "first ends", "second runs");
		assertThat(this.locks.busySessions()).isZero();
	}

	@Test
	void anotherSessionIsNotHeldUp() {
		Sinks.Empty<Void> never = Sinks.empty();
		this.locks.serialized("session-1", never::asMono).subscribe();

		String other = this.locks.serialized("session-2", () -> Mono.just("other")).block(Duration.ofSeconds(5));

		assertThat(other).isEqualTo("other");
	}

	@Test
	void workThatFailsOrIsCancelledReleasesTheSession() {
		this.locks.serialized("session-1", () -> Mono.error(new IllegalStateException("refused")))
			.onErrorResume((ex) -> Mono.empty())
			.block(Duration.ofSeconds(5));
		Sinks.Empty<Void> never = Sinks.empty();
		this.locks.serialized("session-1", never::asMono).subscribe().dispose();

		assertThat(this.locks.serialized("session-1", () -> Mono.just("next")).block(Duration.ofSeconds(5)))
			.isEqualTo("next");
	}

	@Test
	void concurrentWorkOfOneSessionNeverOverlaps() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		Flux.range(0, 50).flatMap((i) -> this.locks.serialized("session-1", () -> Mono.fromCallable(() -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			return i;
		}).delayElement(Duration.ofMillis(1)).doOnNext((value) -> running.decrementAndGet())))
			.blockLast(Duration.ofSeconds(30));

		assertThat(mostAtOnce.get()).isEqualTo(1);
	}

}
