package io.github.cognitosso.autoconfigure.core;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * Compares the tokens a request's copy of a shared session holds with those in the
 * session store (Spring Session), the same way on both web stacks: a request whose copy
 * was loaded before another request (here or on another instance) refreshed the tokens
 * must use the stored ones, not refresh again with a refresh token Cognito has rotated
 * away. Both stacks keep the tokens as Spring Security does, a map of registration id to
 * {@link OAuth2AuthorizedClient} in one session attribute. Public for the adapters; not
 * an application API.
 */
public final class StoredSessionTokens {

	private StoredSessionTokens() {
	}

	/**
	 * @param authorizedClients the session attribute holding the authorized clients (any
	 * value)
	 * @return the access token value of each registration
	 */
	public static Map<String, String> accessTokens(Object authorizedClients) {
		if (!(authorizedClients instanceof Map<?, ?> clients)) {
			return Map.of();
		}
		Map<String, String> tokens = new HashMap<>();
		clients.forEach((registration, client) -> {
			if (client instanceof OAuth2AuthorizedClient authorized) {
				tokens.put(String.valueOf(registration), authorized.getAccessToken().getTokenValue());
			}
		});
		return tokens;
	}

	/**
	 * @return whether two values of the authorized-clients attribute hold the same access
	 * tokens
	 */
	public static boolean sameAccessTokens(Object authorizedClients, Object otherAuthorizedClients) {
		return accessTokens(authorizedClients).equals(accessTokens(otherAuthorizedClients));
	}

	/**
	 * After Cognito refused a refresh ({@code invalid_grant}): whether the store holds
	 * another refresh token for the registration than the one refused, because another
	 * request refreshed first (and, with rotation, retired the refused one). The request
	 * then takes the stored tokens instead of ending a session that is alive.
	 * @param storedAuthorizedClients the stored session's authorized-clients attribute
	 * @param registrationId the registration whose refresh was refused
	 * @param refusedRefreshToken the refresh token Cognito refused
	 */
	public static boolean refreshedElsewhere(Object storedAuthorizedClients, String registrationId,
			String refusedRefreshToken) {
		return storedAuthorizedClients instanceof Map<?, ?> clients
				&& clients.get(registrationId) instanceof OAuth2AuthorizedClient client
				&& client.getRefreshToken() != null
				&& !client.getRefreshToken().getTokenValue().equals(refusedRefreshToken);
	}

}
