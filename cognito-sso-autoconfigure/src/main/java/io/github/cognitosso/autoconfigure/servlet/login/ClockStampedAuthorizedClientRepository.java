package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.cognitosso.autoconfigure.core.LoginSessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Stores the session's tokens with issue and expiry times read from the application's
 * {@link Clock}. Spring Security stamps a token response with the system time but decides
 * on refreshes by the clock it is given; with an application clock (a test that moves it,
 * for instance) every refreshed token would otherwise look expired at once.
 */
final class ClockStampedAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

	private final OAuth2AuthorizedClientRepository delegate;

	private final Clock clock;

	ClockStampedAuthorizedClientRepository(OAuth2AuthorizedClientRepository delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, HttpServletRequest request) {
		return this.delegate.loadAuthorizedClient(clientRegistrationId, principal, request);
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		this.delegate.saveAuthorizedClient(stamped(authorizedClient), principal, request, response);
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		this.delegate.removeAuthorizedClient(clientRegistrationId, principal, request, response);
	}

	private OAuth2AuthorizedClient stamped(OAuth2AuthorizedClient client) {
		return LoginSessionTokens.restamped(client, this.clock);
	}

}
