package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Lets one piece of work per browser session run at a time, without blocking a thread:
 * the work of a session waits (asynchronously, first come first served) for the work
 * queued before it. The token refresh runs under it, so a page that fires several
 * requests just after the access token expired sends Cognito's refresh token once: the
 * later requests find the tokens the first one stored. With refresh token rotation on,
 * every other refresh would fail once the client's grace period is over.
 * <p>
 * Per application instance, like the servlet login's session mutex.
 */
final class SessionLocks {

	private final ConcurrentMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();

	/**
	 * @param sessionId the session the work belongs to
	 * @param work the work, started once the session's earlier work has ended
	 * @return the work's result
	 */
	<T> Mono<T> serialized(String sessionId, Supplier<Mono<T>> work) {
		return Mono.defer(() -> {
			Sinks.Empty<Void> done = Sinks.empty();
			Mono<Void> mine = done.asMono();
			Mono<Void> previous = this.tails.put(sessionId, mine);
			Mono<Void> turn = (previous != null) ? previous : Mono.empty();
			return turn.then(Mono.defer(work)).doFinally((signal) -> {
				this.tails.remove(sessionId, mine);
				done.tryEmitEmpty();
			});
		});
	}

	/**
	 * @return how many sessions have work queued or running (for tests)
	 */
	int busySessions() {
		return this.tails.size();
	}

}
