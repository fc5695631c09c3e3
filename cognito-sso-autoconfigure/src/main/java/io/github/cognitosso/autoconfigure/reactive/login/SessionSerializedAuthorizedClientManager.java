package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.Optional;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Lets one request per browser session at a time obtain (and so refresh) the session's
 * tokens ({@link SessionLocks}): with refresh token rotation on, two refreshes with the
 * same refresh token would end the session once the client's grace period is over.
 * <p>
 * A refresh token Cognito no longer accepts (revoked, expired, rotated away) answers
 * {@code invalid_grant}; Spring Security has then dropped the session's tokens, and this
 * asks for authorization again ({@link ClientAuthorizationRequiredException}), which
 * sends the browser to Cognito's sign-in instead of failing the request with a 500.
 */
final class SessionSerializedAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

	private final ReactiveOAuth2AuthorizedClientManager delegate;

	private final SessionLocks locks;

	SessionSerializedAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate, SessionLocks locks) {
		this.delegate = delegate;
		this.locks = locks;
	}

	/**
	 * @return the manager this one serialises, for work that holds the session's lock
	 * already
	 */
	ReactiveOAuth2AuthorizedClientManager unserialized() {
		return this.delegate;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest authorizeRequest) {
		return exchange(authorizeRequest).flatMap((exchange) -> exchange.getSession())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((session) -> session.isPresent()
					? this.locks.serialized(session.get().getId(), () -> authorizeOrSignInAgain(authorizeRequest))
					: authorizeOrSignInAgain(authorizeRequest));
	}

	private Mono<OAuth2AuthorizedClient> authorizeOrSignInAgain(OAuth2AuthorizeRequest authorizeRequest) {
		return this.delegate.authorize(authorizeRequest)
			.onErrorMap(
					(ex) -> ex instanceof ClientAuthorizationException refused
							&& !(ex instanceof ClientAuthorizationRequiredException)
							&& OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode()),
					(ex) -> new ClientAuthorizationRequiredException(
							((ClientAuthorizationException) ex).getClientRegistrationId()));
	}

	private static Mono<ServerWebExchange> exchange(OAuth2AuthorizeRequest authorizeRequest) {
		ServerWebExchange exchange = authorizeRequest.getAttribute(ServerWebExchange.class.getName());
		if (exchange != null) {
			return Mono.just(exchange);
		}
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.getOrEmpty(ServerWebExchange.class)));
	}

}
