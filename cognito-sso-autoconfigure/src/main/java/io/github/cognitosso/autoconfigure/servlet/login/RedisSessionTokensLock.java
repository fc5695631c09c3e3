package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session's refresh lock held in Redis while its sessions are (Spring Session Data
 * Redis), so that one instance at a time refreshes a session's tokens: with Cognito's
 * refresh token rotation, a second refresh with the same refresh token fails once the app
 * client's retry grace period is over, and would sign the user out.
 * <p>
 * {@code SET key token NX PX ttl}, released by a script that deletes the key only while
 * it still holds this request's token ({@link SharedSessionRefreshLock}, shared with the
 * WebFlux login). The time to live bounds how long an instance that died while refreshing
 * keeps the others waiting. Requests of this instance queue on a
 * {@link LocalSessionTokensLock} first, so only one of them polls Redis. Sessions in
 * another store (Spring Session's in-memory repository, the servlet container) get the
 * local lock only.
 */
final class RedisSessionTokensLock implements SessionTokensLock {

	private static final long POLL_NANOS = SharedSessionRefreshLock.RETRY_INTERVAL.toNanos();

	private final LocalSessionTokensLock local = new LocalSessionTokensLock();

	private final StringRedisTemplate redis;

	private final SharedSessionRefreshLock lock;

	/**
	 * @param lock the key, owner values and time to live of the lock
	 */
	RedisSessionTokensLock(StringRedisTemplate redis, SharedSessionRefreshLock lock) {
		this.redis = redis;
		this.lock = lock;
	}

	@Override
	public <T> T call(HttpServletRequest request, String sessionId, Supplier<T> action) {
		if (!inRedis(request)) {
			return this.local.call(request, sessionId, action);
		}
		return this.local.call(request, sessionId, () -> callLocked(sessionId, action));
	}

	private <T> T callLocked(String sessionId, Supplier<T> action) {
		String key = SharedSessionRefreshLock.key(sessionId);
		String token = this.lock.newOwner();
		long deadline = System.nanoTime() + this.lock.timeToLive().toNanos();
		while (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, token, this.lock.timeToLive()))) {
			if (System.nanoTime() - deadline > 0) {
				// The instance holding it is slow or gone; the key expires by itself.
				throw SharedSessionRefreshLock.busy();
			}
			LockSupport.parkNanos(POLL_NANOS);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new OAuth2AuthorizationException(
						new OAuth2Error("temporarily_unavailable", "Interrupted while waiting for the refresh", null));
			}
		}
		try {
			return action.get();
		}
		finally {
			this.redis.execute(SharedSessionRefreshLock.RELEASE, List.of(key), token);
		}
	}

	private static boolean inRedis(HttpServletRequest request) {
		Object repository = request.getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR);
		return repository instanceof RedisSessionRepository || repository instanceof RedisIndexedSessionRepository;
	}

}
