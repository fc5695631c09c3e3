package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Clock;

import io.github.cognitosso.autoconfigure.core.LoginSessionTokens;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Stores the session's tokens with issue and expiry times read from the application's
 * {@link Clock} ({@link LoginSessionTokens#restamped}): Spring Security stamps a token
 * response with the system time but decides on refreshes by the clock it is given.
 */
final class ClockStampedServerAuthorizedClientRepository implements ServerOAuth2AuthorizedClientRepository {

	private final ServerOAuth2AuthorizedClientRepository delegate;

	private final Clock clock;

	ClockStampedServerAuthorizedClientRepository(ServerOAuth2AuthorizedClientRepository delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, ServerWebExchange exchange) {
		return this.delegate.loadAuthorizedClient(clientRegistrationId, principal, exchange);
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			ServerWebExchange exchange) {
		return this.delegate.saveAuthorizedClient(LoginSessionTokens.restamped(authorizedClient, this.clock), principal,
				exchange);
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			ServerWebExchange exchange) {
		return this.delegate.removeAuthorizedClient(clientRegistrationId, principal, exchange);
	}

}
