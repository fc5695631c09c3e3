package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.core.StoredSessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The Spring Session store behind a request's session (Redis, JDBC, in memory), read and
 * written directly for the attributes a token refresh changes
 * ({@link SessionRefreshCoordinator#TOKEN_ATTRIBUTES}). Loaded only when Spring Session
 * is on the class path.
 */
final class SpringSessionStore {

	private final SessionRepository<Session> repository;

	private SpringSessionStore(SessionRepository<Session> repository) {
		this.repository = repository;
	}

	/**
	 * @return the store of the request's session, or {@code null} when Spring Session
	 * does not handle the request
	 */
	@SuppressWarnings("unchecked")
	static SpringSessionStore of(HttpServletRequest request) {
		Object repository = request.getAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR);
		return (repository instanceof SessionRepository<?>)
				? new SpringSessionStore((SessionRepository<Session>) repository) : null;
	}

	/**
	 * Copies the stored tokens and user into the request's session when another request
	 * has refreshed them since this request loaded its session.
	 */
	void reload(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		Session stored = this.repository.findById(session.getId());
		if (stored == null) {
			return;
		}
		Object storedClients = stored.getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS);
		if (StoredSessionTokens.sameAccessTokens(storedClients,
				session.getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS))) {
			return;
		}
		for (String name : SessionRefreshCoordinator.TOKEN_ATTRIBUTES) {
			Object value = stored.getAttribute(name);
			if (value != null) {
				session.setAttribute(name, value);
			}
		}
	}

	/**
	 * Copies the stored tokens and user into the request's session when the store holds
	 * another refresh token for the registration than the one Cognito just refused:
	 * another instance refreshed (and, with rotation, retired the refused one) first.
	 * @return whether the stored tokens were taken
	 */
	boolean adoptRefreshedElsewhere(HttpServletRequest request, String registrationId, String refusedRefreshToken) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Session stored = this.repository.findById(session.getId());
		if (stored == null) {
			return false;
		}
		if (!StoredSessionTokens.refreshedElsewhere(stored.getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS),
				registrationId, refusedRefreshToken)) {
			return false;
		}
		for (String name : SessionRefreshCoordinator.TOKEN_ATTRIBUTES) {
			Object value = stored.getAttribute(name);
			if (value != null) {
				session.setAttribute(name, value);
			}
		}
		return true;
	}

	/**
	 * Writes the request's tokens and user to the store now, not when the request ends.
	 */
	void flush(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			// The refresh ended the session, which deleted it from the store.
			return;
		}
		Session stored = this.repository.findById(session.getId());
		if (stored == null) {
			return;
		}
		for (String name : SessionRefreshCoordinator.TOKEN_ATTRIBUTES) {
			Object value = session.getAttribute(name);
			if (value != null) {
				stored.setAttribute(name, value);
			}
			else {
				stored.removeAttribute(name);
			}
		}
		this.repository.save(stored);
	}

}
