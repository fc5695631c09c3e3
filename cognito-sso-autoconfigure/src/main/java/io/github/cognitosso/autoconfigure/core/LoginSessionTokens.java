package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * When a browser session's tokens need a refresh, the same way on every web stack. Public
 * for the adapters; not an application API.
 */
public final class LoginSessionTokens {

	/**
	 * As Spring Security's refresh provider: a token this close to its expiry counts as
	 * expired.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private LoginSessionTokens() {
	}

	/**
	 * @return whether a token expiring at {@code expiresAt} (none: never) counts as
	 * expired at {@code now}
	 */
	public static boolean expired(Instant expiresAt, Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt.minus(CLOCK_SKEW));
	}

	/**
	 * Spring Security refreshes on the access token's expiry only: an ID token that
	 * expires first (Cognito sets the two lifetimes separately) is presented as an access
	 * token expiring with it.
	 * @return the client with its access token expiring at {@code expiresAt}
	 */
	public static OAuth2AuthorizedClient expiringAt(OAuth2AuthorizedClient client, Instant expiresAt) {
		OAuth2AccessToken token = client.getAccessToken();
		// No issue time: it may be later than the ID token's expiry.
		OAuth2AccessToken expiring = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), null, expiresAt,
				token.getScopes());
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(), expiring,
				client.getRefreshToken());
	}

	/**
	 * Spring Security stamps a token response with the system time but decides on
	 * refreshes by the clock it is given; with an application clock (a test that moves
	 * it, for instance) every refreshed token would otherwise look expired at once.
	 * @return the client with its access token's issue and expiry times read from the
	 * clock, its lifetime kept
	 */
	public static OAuth2AuthorizedClient restamped(OAuth2AuthorizedClient client, Clock clock) {
		OAuth2AccessToken token = client.getAccessToken();
		if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
			return client;
		}
		Instant now = clock.instant();
		Duration lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt());
		OAuth2AccessToken restamped = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now,
				now.plus(lifetime), token.getScopes());
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(), restamped,
				client.getRefreshToken());
	}

}
