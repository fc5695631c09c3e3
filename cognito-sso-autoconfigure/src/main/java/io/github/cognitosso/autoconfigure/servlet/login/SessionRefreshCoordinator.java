package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.StoredSessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * Runs a token refresh of a browser session so that, across requests and instances, the
 * session's tokens are refreshed once per expiry and every request ends up with the same
 * tokens.
 * <p>
 * Under the session's {@link SessionTokensLock}: when the session lives in a Spring
 * Session store, the session's tokens and user are first read again from the store (a
 * request that waited finds what the refresh before it stored, not the copy its request
 * loaded at its start), and once refreshed they are written to the store before the lock
 * is released (Spring Session would write them only when the request ends, after the next
 * request of the session read the old ones and refreshed again with a refresh token
 * Cognito has just rotated away). Calls nest: a refresh inside a refresh runs under the
 * lock the outer one holds.
 */
final class SessionRefreshCoordinator {

	/** Where {@link HttpSessionOAuth2AuthorizedClientRepository} keeps the tokens. */
	static final String AUTHORIZED_CLIENTS = HttpSessionOAuth2AuthorizedClientRepository.class.getName()
			+ ".AUTHORIZED_CLIENTS";

	/** The session attributes a refresh changes. */
	static final List<String> TOKEN_ATTRIBUTES = List
		.of(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, AUTHORIZED_CLIENTS);

	private static final String HELD = SessionRefreshCoordinator.class.getName() + ".HELD";

	private static final boolean springSessionPresent = ClassUtils.isPresent(
			"org.springframework.session.web.http.SessionRepositoryFilter",
			SessionRefreshCoordinator.class.getClassLoader());

	private final SessionTokensLock lock;

	SessionRefreshCoordinator(SessionTokensLock lock) {
		this.lock = lock;
	}

	<T> T call(HttpServletRequest request, HttpSession session, Supplier<T> refresh) {
		if (request.getAttribute(HELD) != null) {
			return refresh.get();
		}
		return this.lock.call(request, session.getId(), () -> {
			request.setAttribute(HELD, Boolean.TRUE);
			try {
				SpringSessionStore store = springSessionPresent ? SpringSessionStore.of(request) : null;
				if (store != null) {
					store.reload(request);
				}
				Map<String, String> before = accessTokens(request);
				T result = refresh.get();
				if (store != null && !before.equals(accessTokens(request))) {
					store.flush(request);
				}
				return result;
			}
			finally {
				request.removeAttribute(HELD);
			}
		});
	}

	/**
	 * After Cognito refused a refresh ({@code invalid_grant}): takes the session's tokens
	 * and user from the store when another request, here or on another instance, has
	 * refreshed them meanwhile, instead of ending a session that is alive.
	 * @param refusedRefreshToken the refresh token Cognito refused
	 * @return whether the request now holds the stored tokens and user
	 */
	boolean adoptRefreshedElsewhere(HttpServletRequest request, String registrationId, String refusedRefreshToken) {
		SpringSessionStore store = springSessionPresent ? SpringSessionStore.of(request) : null;
		if (store == null || !store.adoptRefreshedElsewhere(request, registrationId, refusedRefreshToken)) {
			return false;
		}
		Object context = request.getSession(false)
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext stored) {
			SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
			SecurityContext current = holder.createEmptyContext();
			current.setAuthentication(stored.getAuthentication());
			holder.setContext(current);
		}
		return true;
	}

	/**
	 * @return the access token value of each registration in the request's session
	 */
	static Map<String, String> accessTokens(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? accessTokens(session.getAttribute(AUTHORIZED_CLIENTS)) : Map.of();
	}

	static Map<String, String> accessTokens(Object authorizedClients) {
		return StoredSessionTokens.accessTokens(authorizedClients);
	}

}
