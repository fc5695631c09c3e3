package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * How a browser session's refresh lock is held in Redis while its sessions live there
 * (Spring Session Data Redis), the same way on both web stacks, so that one instance at a
 * time refreshes a session's tokens: with Cognito's refresh token rotation, a second
 * refresh with the same refresh token fails once the app client's retry grace period is
 * over, and would sign the user out.
 * <p>
 * {@code SET key owner NX PX ttl}, retried every {@link #RETRY_INTERVAL} while another
 * request holds it, released by {@link #RELEASE}, which deletes the key only while it
 * still holds this request's owner value. The time to live bounds how long an instance
 * that died while refreshing keeps the others waiting, and how long a request waits.
 * Public for the adapters; not an application API.
 */
public final class SharedSessionRefreshLock {

	/** The prefix of the lock's key; the session id follows. */
	public static final String KEY_PREFIX = "cognito-sso:session-refresh-lock:";

	/**
	 * Deletes the key only while it holds the owner value given as the first argument.
	 */
	public static final RedisScript<Long> RELEASE = new DefaultRedisScript<>(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	/** How long a request waits before it asks for a lock held by another one again. */
	public static final Duration RETRY_INTERVAL = Duration.ofMillis(20);

	/** Random per lock (per instance): owner values never repeat across instances. */
	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong owners = new AtomicLong();

	private final Duration timeToLive;

	/**
	 * @param loginTimeout {@code cognito.login.timeout}, the connect and read timeouts of
	 * a call to Cognito
	 */
	public SharedSessionRefreshLock(Duration loginTimeout) {
		// Longer than the longest refresh can take, with a margin.
		this.timeToLive = loginTimeout.multipliedBy(2).plusSeconds(5);
	}

	/**
	 * @return how long the lock lives at most, and how long a request waits for it
	 */
	public Duration timeToLive() {
		return this.timeToLive;
	}

	/**
	 * @return the lock's key for a session
	 */
	public static String key(String sessionId) {
		return KEY_PREFIX + sessionId;
	}

	/**
	 * A value that tells this request's hold of a lock from any other's. Made without
	 * {@code SecureRandom}, which may read a device file: this runs on event-loop threads
	 * too.
	 * @return a new owner value
	 */
	public String newOwner() {
		return this.instance + ":" + this.owners.incrementAndGet();
	}

	/**
	 * @return the failure of a request that waited {@link #timeToLive()} for the lock
	 * (the instance holding it is slow or gone; the key expires by itself): the request
	 * is answered as when Cognito cannot be reached, the session is kept
	 */
	public static OAuth2AuthorizationException busy() {
		return new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable",
				"Another instance is refreshing this session's tokens", null));
	}

}
