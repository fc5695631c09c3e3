package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.net.URI;

import io.github.cognitosso.autoconfigure.core.CognitoLogoutUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Ends the Cognito session after the application's: redirects the browser to Cognito's
 * {@code <domain>/logout?client_id=<id>&logout_uri=<url>}, which clears the managed-login
 * cookie and sends the browser on to {@code logout_uri}, so the next visit asks for
 * credentials again.
 * <p>
 * Spring Security's {@code OidcClientInitiatedLogoutSuccessHandler} cannot do this:
 * Cognito's end-session endpoint ignores the standard {@code id_token_hint} and
 * {@code post_logout_redirect_uri} parameters.
 * <p>
 * {@code logout_uri} comes from configuration only, never from the request, so the
 * handler cannot be made an open redirect. It may use the same variables as Spring
 * Security's redirect URIs: {@code {baseUrl}}, {@code {baseScheme}}, {@code {baseHost}},
 * {@code {basePort}} and {@code {basePath}}, resolved against the request (and so behind
 * a proxy against the forwarded host, when forwarded headers are honoured). The resolved
 * URL must be one of the app client's allowed sign-out URLs.
 */
public class CognitoLogoutSuccessHandler implements LogoutSuccessHandler {

	private final CognitoLogoutUrl logoutUrl;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	/**
	 * @param logoutEndpoint Cognito's {@code /logout} URL, e.g.
	 * {@code https://my-app.auth.us-east-2.amazoncognito.com/logout}
	 * @param clientId the app client id
	 * @param logoutUri where Cognito sends the browser afterwards, possibly with
	 * {@code {baseUrl}} variables
	 */
	public CognitoLogoutSuccessHandler(URI logoutEndpoint, String clientId, String logoutUri) {
		this.logoutUrl = new CognitoLogoutUrl(logoutEndpoint, clientId, logoutUri);
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		this.redirectStrategy.sendRedirect(request, response, logoutUrl(request));
	}

	/**
	 * @return the Cognito logout URL for a request, with exactly {@code client_id} and
	 * {@code logout_uri}
	 */
	public String logoutUrl(HttpServletRequest request) {
		return this.logoutUrl.forBase(base(request));
	}

	/**
	 * @return the template with Spring Security's redirect-URI variables expanded for the
	 * request
	 */
	static String resolve(String template, HttpServletRequest request) {
		return CognitoLogoutUrl.resolve(template, base(request));
	}

	private static UriComponents base(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build();
	}

}
