package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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

	private final URI logoutEndpoint;

	private final String clientId;

	private final String logoutUri;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	/**
	 * @param logoutEndpoint Cognito's {@code /logout} URL, e.g.
	 * {@code https://my-app.auth.us-east-2.amazoncognito.com/logout}
	 * @param clientId the app client id
	 * @param logoutUri where Cognito sends the browser afterwards, possibly with
	 * {@code {baseUrl}} variables
	 */
	public CognitoLogoutSuccessHandler(URI logoutEndpoint, String clientId, String logoutUri) {
		this.logoutEndpoint = Objects.requireNonNull(logoutEndpoint, "logoutEndpoint");
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.logoutUri = Objects.requireNonNull(logoutUri, "logoutUri");
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
		return UriComponentsBuilder.fromUri(this.logoutEndpoint)
			.replaceQuery(null)
			.queryParam("client_id", "{clientId}")
			.queryParam("logout_uri", "{logoutUri}")
			.encode()
			.buildAndExpand(this.clientId, resolve(this.logoutUri, request))
			.toUriString();
	}

	/**
	 * @return the template with Spring Security's redirect-URI variables expanded for the
	 * request
	 */
	static String resolve(String template, HttpServletRequest request) {
		UriComponents base = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build();
		Map<String, String> variables = new HashMap<>();
		variables.put("baseUrl", base.toUriString());
		variables.put("baseScheme", base.getScheme());
		variables.put("baseHost", base.getHost());
		variables.put("basePort", (base.getPort() == -1) ? "" : ":" + base.getPort());
		variables.put("basePath", (base.getPath() != null) ? base.getPath() : "");
		return UriComponentsBuilder.fromUriString(template).buildAndExpand(variables).toUriString();
	}

}
