package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * At logout, revokes the session's Cognito refresh token (when
 * {@code cognito.logout.revoke-refresh-token} is on) and forgets the session's tokens. It
 * runs before the session is invalidated, while the tokens are still there. A failed
 * revocation is logged as a warning and the logout goes on: the user asked to leave, and
 * the browser is sent to Cognito's {@code /logout} anyway.
 */
final class RefreshTokenRevokingLogoutHandler implements LogoutHandler {

	private static final Log logger = LogFactory.getLog(RefreshTokenRevokingLogoutHandler.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final CognitoTokenRevoker revoker;

	/**
	 * @param revoker the revoker, or {@code null} not to revoke
	 */
	RefreshTokenRevokingLogoutHandler(OAuth2AuthorizedClientRepository authorizedClients, CognitoTokenRevoker revoker) {
		this.authorizedClients = authorizedClients;
		this.revoker = revoker;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return;
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(registrationId, authentication,
				request);
		if (client == null) {
			return;
		}
		if (this.revoker != null && client.getRefreshToken() != null) {
			try {
				this.revoker.revoke(client.getClientRegistration(), client.getRefreshToken().getTokenValue());
			}
			catch (OAuth2AuthorizationException ex) {
				// Never the token itself: only Cognito's error code and description, and
				// the endpoint.
				logger.warn("Could not revoke the refresh token of " + authentication.getName() + " at "
						+ this.revoker.getRevocationEndpoint() + " (" + ControlCharacters.strip(ex.getError())
						+ "); logout goes on, but the " + "refresh token stays valid until it expires");
			}
		}
		this.authorizedClients.removeAuthorizedClient(registrationId, authentication, request, response);
	}

}
