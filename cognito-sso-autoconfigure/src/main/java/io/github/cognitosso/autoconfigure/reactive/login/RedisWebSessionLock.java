package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.List;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The session's refresh lock held in Redis while the WebSessions are (Spring Session's
 * reactive Redis repository), so that one instance at a time refreshes a session's
 * tokens, as the servlet login's {@code RedisSessionTokensLock} does, and with the same
 * key, time to live and release script ({@link SharedSessionRefreshLock}).
 * <p>
 * Nothing here blocks a thread: {@code SET NX PX} and the release script are Lettuce's
 * reactive commands, and a request that finds the lock held asks again after
 * {@link SharedSessionRefreshLock#RETRY_INTERVAL} ({@link Mono#delay}, on Reactor's
 * parallel scheduler), until it gets the lock or waited the lock's time to live. The lock
 * is released when the work completes, fails or is cancelled.
 */
final class RedisWebSessionLock {

	private static final Log logger = LogFactory.getLog(RedisWebSessionLock.class);

	private final ReactiveStringRedisTemplate redis;

	private final SharedSessionRefreshLock lock;

	RedisWebSessionLock(ReactiveStringRedisTemplate redis, SharedSessionRefreshLock lock) {
		this.redis = redis;
		this.lock = lock;
	}

	/**
	 * @param sessionId the session the work belongs to
	 * @param work the work, started once this request holds the session's lock
	 * @return the work's result, once the lock is released
	 */
	<T> Mono<T> locked(String sessionId, Supplier<Mono<T>> work) {
		String key = SharedSessionRefreshLock.key(sessionId);
		return Mono.usingWhen(acquire(key), (owner) -> Mono.defer(work), (owner) -> release(key, owner),
				(owner, ex) -> release(key, owner), (owner) -> release(key, owner));
	}

	private Mono<String> acquire(String key) {
		return Mono.defer(() -> {
			String owner = this.lock.newOwner();
			long deadline = System.nanoTime() + this.lock.timeToLive().toNanos();
			return Mono.defer(() -> this.redis.opsForValue().setIfAbsent(key, owner, this.lock.timeToLive()))
				.filter(Boolean.TRUE::equals)
				.repeatWhenEmpty((attempts) -> attempts.concatMap(
						(attempt) -> (System.nanoTime() - deadline > 0) ? Mono.error(SharedSessionRefreshLock.busy())
								: Mono.delay(SharedSessionRefreshLock.RETRY_INTERVAL)))
				.thenReturn(owner);
		});
	}

	private Mono<Void> release(String key, String owner) {
		return this.redis.execute(SharedSessionRefreshLock.RELEASE, List.of(key), List.of(owner))
			.then()
			.onErrorResume((ex) -> {
				// The work is done; the key expires by itself.
				if (logger.isWarnEnabled()) {
					logger.warn("Could not release a session's refresh lock in Redis: " + ex.getClass().getName());
				}
				return Mono.empty();
			});
	}

}
