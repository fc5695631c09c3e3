package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.Map;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.StoredSessionTokens;
import reactor.core.publisher.Mono;

import org.springframework.web.server.WebSession;

/**
 * Runs a token refresh of a browser session so that, across requests and instances, the
 * session's tokens are refreshed once per expiry and every request ends up with the same
 * tokens: the WebFlux side of the servlet login's {@code SessionRefreshCoordinator}.
 * <p>
 * The requests of a session on this instance queue on {@link SessionLocks}; while the
 * WebSessions live in Redis the one whose turn it is then takes the session's lock there
 * ({@link RedisWebSessionLock}). While WebSessions live in a Spring Session store
 * ({@link StoredWebSessions}), under the lock the session's tokens and user are first
 * read again from the store (a request that waited finds what the refresh before it
 * stored, not the copy its request loaded at its start), and once refreshed they are
 * written to the store before the lock is released. With WebFlux's own in-memory sessions
 * every request of a session sees the same object, and the local queue is all it takes.
 */
final class WebSessionRefreshCoordinator {

	private final SessionLocks locks;

	private final StoredWebSessions store;

	/**
	 * @param locks the queue of each session's work on this instance
	 * @param store the Spring Session store of the WebSessions, or {@code null} without
	 * one
	 */
	WebSessionRefreshCoordinator(SessionLocks locks, StoredWebSessions store) {
		this.locks = locks;
		this.store = store;
	}

	/**
	 * @param session the request's session
	 * @param refresh the work that may refresh the session's tokens; it must not call
	 * this coordinator again
	 * @return the work's result, once the refreshed tokens are stored and the lock
	 * released
	 */
	<T> Mono<T> call(WebSession session, Supplier<Mono<T>> refresh) {
		String sessionId = session.getId();
		RedisWebSessionLock shared = (this.store != null) ? this.store.lock() : null;
		return this.locks.serialized(sessionId, () -> (shared != null)
				? shared.locked(sessionId, () -> underLock(session, refresh)) : underLock(session, refresh));
	}

	/**
	 * After Cognito refused a refresh ({@code invalid_grant}): takes the session's tokens
	 * and user from the store when another request, here or on another instance, has
	 * refreshed them meanwhile, instead of ending a session that is alive.
	 * @param refusedRefreshToken the refresh token Cognito refused
	 * @return whether the request's session now holds the stored tokens and user
	 */
	Mono<Boolean> adoptRefreshedElsewhere(WebSession session, String registrationId, String refusedRefreshToken) {
		if (this.store == null) {
			return Mono.just(false);
		}
		return this.store.adoptRefreshedElsewhere(session, registrationId, refusedRefreshToken);
	}

	private <T> Mono<T> underLock(WebSession session, Supplier<Mono<T>> refresh) {
		if (this.store == null) {
			return Mono.defer(refresh);
		}
		return this.store.reload(session).then(Mono.defer(() -> {
			Map<String, String> before = accessTokens(session);
			return Mono.defer(refresh)
				.flatMap((result) -> flushIfRefreshed(session, before).thenReturn(result))
				.switchIfEmpty(Mono.defer(() -> flushIfRefreshed(session, before).then(Mono.empty())));
		}));
	}

	private Mono<Void> flushIfRefreshed(WebSession session, Map<String, String> before) {
		return before.equals(accessTokens(session)) ? Mono.empty() : this.store.flush(session);
	}

	private static Map<String, String> accessTokens(WebSession session) {
		return StoredSessionTokens.accessTokens(session.getAttributes().get(StoredWebSessions.AUTHORIZED_CLIENTS));
	}

}
