package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;

import io.github.cognitosso.autoconfigure.core.CognitoLogoutUrl;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Ends the Cognito session after the application's, on WebFlux: redirects the browser to
 * Cognito's {@code <domain>/logout?client_id=<id>&logout_uri=<url>} (the core's
 * {@link CognitoLogoutUrl}, as on the servlet stack), which clears the managed-login
 * cookie, so the next visit asks for credentials again. Spring Security's
 * {@code OidcClientInitiatedServerLogoutSuccessHandler} cannot do this: Cognito's
 * end-session endpoint ignores {@code id_token_hint} and
 * {@code post_logout_redirect_uri}.
 * <p>
 * {@code logout_uri} comes from {@code cognito.logout.logout-uri} only, never from the
 * request, so logout cannot be made an open redirect. Its {@code {baseUrl}} variables are
 * resolved against the request (behind a proxy, against the forwarded host when forwarded
 * headers are honoured). A bean an application may replace.
 */
public class CognitoServerLogoutSuccessHandler implements ServerLogoutSuccessHandler {

	private final CognitoLogoutUrl logoutUrl;

	private final ServerRedirectStrategy redirectStrategy = new DefaultServerRedirectStrategy();

	/**
	 * @param logoutEndpoint Cognito's {@code /logout} URL, e.g.
	 * {@code https://my-app.auth.us-east-2.amazoncognito.com/logout}
	 * @param clientId the app client id
	 * @param logoutUri where Cognito sends the browser afterwards, possibly with
	 * {@code {baseUrl}} variables
	 */
	public CognitoServerLogoutSuccessHandler(URI logoutEndpoint, String clientId, String logoutUri) {
		this.logoutUrl = new CognitoLogoutUrl(logoutEndpoint, clientId, logoutUri);
	}

	@Override
	public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
		return this.redirectStrategy.sendRedirect(exchange.getExchange(),
				URI.create(logoutUrl(exchange.getExchange().getRequest())));
	}

	/**
	 * @return the Cognito logout URL for a request, with exactly {@code client_id} and
	 * {@code logout_uri}
	 */
	public String logoutUrl(ServerHttpRequest request) {
		UriComponents base = UriComponentsBuilder.fromUri(request.getURI())
			.replacePath(request.getPath().contextPath().value())
			.replaceQuery(null)
			.fragment(null)
			.build();
		return this.logoutUrl.forBase(base);
	}

}
