package io.github.cognitosso.autoconfigure.reactive.login;

import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * At logout, revokes the session's Cognito refresh token (when
 * {@code cognito.logout.revoke-refresh-token} is on) with the core's
 * {@link CognitoTokenRevoker}, on the bounded elastic scheduler, and forgets the
 * session's tokens. It runs before the session is invalidated, while the tokens are still
 * there. A failed revocation is logged as a warning and the logout goes on: the user
 * asked to leave, and the browser is sent to Cognito's {@code /logout} anyway.
 */
final class RefreshTokenRevokingServerLogoutHandler implements ServerLogoutHandler {

	private static final Log logger = LogFactory.getLog(RefreshTokenRevokingServerLogoutHandler.class);

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final CognitoTokenRevoker revoker;

	/**
	 * @param revoker the revoker, or {@code null} not to revoke
	 */
	RefreshTokenRevokingServerLogoutHandler(ServerOAuth2AuthorizedClientRepository authorizedClients,
			CognitoTokenRevoker revoker) {
		this.authorizedClients = authorizedClients;
		this.revoker = revoker;
	}

	@Override
	public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
		return revokeAndForget(exchange.getExchange(), authentication);
	}

	Mono<Void> revokeAndForget(ServerWebExchange exchange, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return Mono.empty();
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		return this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId, authentication, exchange)
			.flatMap((client) -> revoke(client, authentication)
				.then(this.authorizedClients.removeAuthorizedClient(registrationId, authentication, exchange)));
	}

	private Mono<Void> revoke(OAuth2AuthorizedClient client, Authentication authentication) {
		if (this.revoker == null || client.getRefreshToken() == null) {
			return Mono.empty();
		}
		return OnBoundedElastic
			.run(() -> this.revoker.revoke(client.getClientRegistration(), client.getRefreshToken().getTokenValue()))
			.onErrorResume(OAuth2AuthorizationException.class, (ex) -> {
				// Never the token itself: only Cognito's error code and description, and
				// the endpoint.
				logger.warn("Could not revoke the refresh token of " + authentication.getName() + " at "
						+ this.revoker.getRevocationEndpoint() + " (" + ControlCharacters.strip(ex.getError())
						+ "); logout goes on, but the refresh token stays valid until it expires");
				return Mono.empty();
			});
	}

}
