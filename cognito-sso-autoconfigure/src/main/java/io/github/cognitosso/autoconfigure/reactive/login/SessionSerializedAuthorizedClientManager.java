package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.github.cognitosso.autoconfigure.core.LoginSessionTokens;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Lets one request per browser session at a time obtain (and so refresh) the session's
 * tokens ({@link WebSessionRefreshCoordinator}, across instances while the WebSessions
 * live in Redis): with refresh token rotation on, two refreshes with the same refresh
 * token would end the session once the client's grace period is over. A request whose
 * tokens are current takes no lock.
 * <p>
 * A refresh token Cognito no longer accepts (revoked, expired, rotated away) answers
 * {@code invalid_grant}; Spring Security has then dropped the session's tokens, and this
 * asks for authorization again ({@link ClientAuthorizationRequiredException}), which
 * sends the browser to Cognito's sign-in instead of failing the request with a 500.
 */
final class SessionSerializedAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

	private final ReactiveOAuth2AuthorizedClientManager delegate;

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final WebSessionRefreshCoordinator coordinator;

	private final Clock clock;

	SessionSerializedAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate,
			ServerOAuth2AuthorizedClientRepository authorizedClients, WebSessionRefreshCoordinator coordinator,
			Clock clock) {
		this.delegate = delegate;
		this.authorizedClients = authorizedClients;
		this.coordinator = coordinator;
		this.clock = clock;
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
		return exchange(authorizeRequest)
			.flatMap((exchange) -> exchange.getSession()
				.filterWhen((session) -> current(authorizeRequest, exchange).map((current) -> !current)))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((session) -> session.isPresent()
					? this.coordinator.call(session.get(), () -> authorizeOrSignInAgain(authorizeRequest))
					: authorizeOrSignInAgain(authorizeRequest));
	}

	/**
	 * Whether the session holds tokens that need no refresh (read without the lock: the
	 * common case costs no round trip to a shared store).
	 */
	private Mono<Boolean> current(OAuth2AuthorizeRequest authorizeRequest, ServerWebExchange exchange) {
		OAuth2AuthorizedClient given = authorizeRequest.getAuthorizedClient();
		Mono<OAuth2AuthorizedClient> client = (given != null) ? Mono.just(given)
				: this.authorizedClients.loadAuthorizedClient(authorizeRequest.getClientRegistrationId(),
						authorizeRequest.getPrincipal(), exchange);
		return client.map((authorized) -> {
			Instant expiresAt = authorized.getAccessToken().getExpiresAt();
			return !LoginSessionTokens.expired(expiresAt, this.clock.instant());
		}).defaultIfEmpty(false);
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
