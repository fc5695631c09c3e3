package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One lock per session id inside this JVM, dropped when no request holds or waits for it:
 * enough for sessions that live in this instance (the servlet container's, or Spring
 * Session's in-memory repository).
 */
final class LocalSessionTokensLock implements SessionTokensLock {

	private final ConcurrentMap<String, Entry> locks = new ConcurrentHashMap<>();

	@Override
	public <T> T call(HttpServletRequest request, String sessionId, Supplier<T> action) {
		Entry entry = this.locks.compute(sessionId, (id, existing) -> {
			Entry held = (existing != null) ? existing : new Entry();
			held.users++;
			return held;
		});
		entry.lock.lock();
		try {
			return action.get();
		}
		finally {
			entry.lock.unlock();
			this.locks.computeIfPresent(sessionId, (id, held) -> (--held.users == 0) ? null : held);
		}
	}

	/** Number of sessions with a request holding or waiting for their lock. */
	int size() {
		return this.locks.size();
	}

	private static final class Entry {

		private final ReentrantLock lock = new ReentrantLock();

		/** Guarded by the map's compute. */
		private int users;

	}

}
