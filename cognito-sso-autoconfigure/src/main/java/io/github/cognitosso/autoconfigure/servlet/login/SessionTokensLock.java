package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets one request per browser session at a time refresh the session's tokens, keyed by
 * the session id: a session shared between instances (Spring Session) is a different
 * object in every request, so a lock on the object would lock nothing.
 */
interface SessionTokensLock {

	/**
	 * Runs the action while no other request of the session runs one.
	 * @param request the request, whose session store decides which lock is needed
	 * @param sessionId the id of the request's session
	 * @param action what to run under the lock
	 * @return the action's result
	 */
	<T> T call(HttpServletRequest request, String sessionId, Supplier<T> action);

}
