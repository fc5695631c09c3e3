package io.github.cognitosso.autoconfigure.core;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What both web stacks answer while the session store (Redis, with Spring Session) cannot
 * be reached: which failures mean that, and the words of the 503 they answer instead of a
 * 500 with a stack trace.
 */
public final class SessionStoreFailures {

	/** The {@code Retry-After} of the 503, in seconds. */
	public static final String RETRY_AFTER_SECONDS = "5";

	/** The JSON body an API-style request gets. */
	public static final String JSON_BODY = "{\"status\":503,\"error\":\"session_store_unavailable\","
			+ "\"message\":\"The session store is unavailable; try again in a moment.\"}";

	/** The title of the page a browser gets. */
	public static final String PAGE_TITLE = "Temporarily unavailable";

	/** The message of the page a browser gets. */
	public static final String PAGE_MESSAGE = "Your session cannot be read right now. You stay signed in: please try again in a moment.";

	private SessionStoreFailures() {
	}

	/**
	 * Whether the failure comes from a store that cannot be reached or did not answer in
	 * time: Spring's data-access translation of a connection failure or timeout, or the
	 * Redis client's own exception (Lettuce rejects commands while disconnected with a
	 * plain {@code RedisException}, which Spring Data Redis translates into its generic
	 * {@code RedisSystemException}).
	 * @param ex the failure
	 * @return whether it means the store is unavailable
	 */
	public static boolean isStoreFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
				return true;
			}
			String name = cause.getClass().getName();
			if (name.startsWith("io.lettuce.core.") || name.startsWith("redis.clients.jedis.exceptions.")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param ex the failure
	 * @return its root cause's type and message, for a log line: the message names the
	 * store, never a session id or attribute
	 */
	public static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName() + ": " + ControlCharacters.strip(String.valueOf(root.getMessage()));
	}

}
