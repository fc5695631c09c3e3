package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cognito's {@code <domain>/logout?client_id=<id>&logout_uri=<url>}, which clears the
 * managed-login cookie and sends the browser on to {@code logout_uri}, so the next visit
 * asks for credentials again. Spring Security's OpenID Connect logout cannot do this:
 * Cognito's end-session endpoint ignores {@code id_token_hint} and
 * {@code post_logout_redirect_uri}.
 * <p>
 * {@code logout_uri} comes from configuration only, never from the request, so logout
 * cannot be made an open redirect. It may use the same variables as Spring Security's
 * redirect URIs ({@code {baseUrl}}, {@code {baseScheme}}, {@code {baseHost}},
 * {@code {basePort}}, {@code {basePath}}), resolved against the request's base URL. One
 * rule for every web stack; public for the adapters, not an application API.
 */
public final class CognitoLogoutUrl {

	private final URI logoutEndpoint;

	private final String clientId;

	private final String logoutUri;

	/**
	 * @param logoutEndpoint Cognito's {@code /logout} URL
	 * @param clientId the app client id
	 * @param logoutUri where Cognito sends the browser afterwards, possibly with
	 * {@code {baseUrl}} variables
	 */
	public CognitoLogoutUrl(URI logoutEndpoint, String clientId, String logoutUri) {
		this.logoutEndpoint = Objects.requireNonNull(logoutEndpoint, "logoutEndpoint");
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.logoutUri = Objects.requireNonNull(logoutUri, "logoutUri");
	}

	/**
	 * @param base the request's scheme, host, port and application path (context or base
	 * path), without query
	 * @return the Cognito logout URL, with exactly {@code client_id} and
	 * {@code logout_uri}
	 */
	public String forBase(UriComponents base) {
		return UriComponentsBuilder.fromUri(this.logoutEndpoint)
			.replaceQuery(null)
			.queryParam("client_id", "{clientId}")
			.queryParam("logout_uri", "{logoutUri}")
			.encode()
			.buildAndExpand(this.clientId, resolve(this.logoutUri, base))
			.toUriString();
	}

	/**
	 * @return the template with Spring Security's redirect-URI variables expanded for the
	 * base URL
	 */
	public static String resolve(String template, UriComponents base) {
		Map<String, String> variables = new HashMap<>();
		variables.put("baseUrl", base.toUriString());
		variables.put("baseScheme", base.getScheme());
		variables.put("baseHost", base.getHost());
		variables.put("basePort", (base.getPort() == -1) ? "" : ":" + base.getPort());
		variables.put("basePath", (base.getPath() != null) ? base.getPath() : "");
		return UriComponentsBuilder.fromUriString(template).buildAndExpand(variables).toUriString();
	}

}
