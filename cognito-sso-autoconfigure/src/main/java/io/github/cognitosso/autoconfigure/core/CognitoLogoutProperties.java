package io.github.cognitosso.autoconfigure.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code cognito.logout.*} settings: a logout that ends the Cognito session too,
 * through Cognito's /logout endpoint, and revokes the session's refresh token. Bound by
 * the browser-login auto-configuration of the application's web stack
 * ({@code servlet.login} or {@code reactive.login}).
 */
@ConfigurationProperties("cognito.logout")
public class CognitoLogoutProperties {

	/**
	 * Where Cognito sends the browser after logout (its logout_uri parameter); must be
	 * one of the app client's allowed sign-out URLs. Resolved against the request's base
	 * URL; never taken from a request parameter. Must be https, except for
	 * http://localhost.
	 */
	private String logoutUri = "{baseUrl}/";

	/**
	 * Whether logout revokes the session's refresh token at Cognito's /oauth2/revoke
	 * endpoint, so it cannot mint new tokens afterwards. A failed revocation is logged
	 * and does not stop the logout.
	 */
	private boolean revokeRefreshToken = true;

	public String getLogoutUri() {
		return this.logoutUri;
	}

	public void setLogoutUri(String logoutUri) {
		this.logoutUri = logoutUri;
	}

	public boolean isRevokeRefreshToken() {
		return this.revokeRefreshToken;
	}

	public void setRevokeRefreshToken(boolean revokeRefreshToken) {
		this.revokeRefreshToken = revokeRefreshToken;
	}

}
