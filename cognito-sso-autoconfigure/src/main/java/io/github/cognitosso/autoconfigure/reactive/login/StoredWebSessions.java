package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.StoredSessionTokens;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.server.WebSession;

/**
 * The Spring Session store behind the application's WebSessions (Redis, in memory), read
 * and written directly for the attributes a token refresh changes, as the servlet login's
 * {@code SpringSessionStore}: every request works on its own copy of a stored session,
 * loaded when the request first asked for it, and writes it back when its response is
 * committed. Loaded only when Spring Session is on the class path.
 */
final class StoredWebSessions {

	/**
	 * Where {@link WebSessionServerOAuth2AuthorizedClientRepository} keeps the tokens.
	 */
	static final String AUTHORIZED_CLIENTS = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
			+ ".AUTHORIZED_CLIENTS";

	/** The session attributes a refresh changes. */
	static final List<String> TOKEN_ATTRIBUTES = List
		.of(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME, AUTHORIZED_CLIENTS);

	private final ReactiveSessionRepository<Session> repository;

	private final RedisWebSessionLock lock;

	/**
	 * @param repository the store of the WebSessions
	 * @param lock the refresh lock held in Redis, when the store is Redis, else
	 * {@code null}
	 */
	@SuppressWarnings("unchecked")
	StoredWebSessions(ReactiveSessionRepository<? extends Session> repository, RedisWebSessionLock lock) {
		this.repository = (ReactiveSessionRepository<Session>) repository;
		this.lock = lock;
	}

	/**
	 * @return the refresh lock shared by the instances, or {@code null} when the store
	 * needs none beyond this instance's
	 */
	RedisWebSessionLock lock() {
		return this.lock;
	}

	/**
	 * Copies the stored tokens and user into the request's session when another request
	 * has refreshed them since this request loaded its session.
	 */
	Mono<Void> reload(WebSession session) {
		return this.repository.findById(session.getId()).doOnNext((stored) -> {
			if (!StoredSessionTokens.sameAccessTokens(stored.getAttribute(AUTHORIZED_CLIENTS),
					session.getAttributes().get(AUTHORIZED_CLIENTS))) {
				copy(stored, session);
			}
		}).then();
	}

	/**
	 * Copies the stored tokens and user into the request's session when the store holds
	 * another refresh token for the registration than the one Cognito just refused:
	 * another request, here or on another instance, refreshed (and, with rotation,
	 * retired the refused one) first.
	 * @return whether the stored tokens were taken
	 */
	Mono<Boolean> adoptRefreshedElsewhere(WebSession session, String registrationId, String refusedRefreshToken) {
		return this.repository.findById(session.getId())
			.filter((stored) -> StoredSessionTokens.refreshedElsewhere(stored.getAttribute(AUTHORIZED_CLIENTS),
					registrationId, refusedRefreshToken))
			.map((stored) -> {
				copy(stored, session);
				return true;
			})
			.defaultIfEmpty(false);
	}

	/**
	 * Writes the request's tokens and user to the store now, not when the response is
	 * committed: the next request of the session, here or on another instance, reads them
	 * once the lock is released. A session that is no longer stored (it ended) stays
	 * ended.
	 */
	Mono<Void> flush(WebSession session) {
		return this.repository.findById(session.getId()).flatMap((stored) -> {
			Map<String, Object> attributes = session.getAttributes();
			for (String name : TOKEN_ATTRIBUTES) {
				Object value = attributes.get(name);
				if (value != null) {
					stored.setAttribute(name, value);
				}
				else {
					stored.removeAttribute(name);
				}
			}
			return this.repository.save(stored);
		});
	}

	private static void copy(Session stored, WebSession session) {
		for (String name : TOKEN_ATTRIBUTES) {
			Object value = stored.getAttribute(name);
			if (value != null) {
				session.getAttributes().put(name, value);
			}
		}
	}

}
