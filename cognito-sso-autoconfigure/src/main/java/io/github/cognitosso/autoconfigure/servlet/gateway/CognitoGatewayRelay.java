package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.UriUtils;

/**
 * What the gateway's filter functions do to a request on its way to the upstream: remove
 * what must not leave the gateway (its session cookie, identity headers a client made
 * up), put the caller's access token on it, add the identity headers, and check a route's
 * group and scope policies. One bean, which the static
 * {@link CognitoGatewayFilterFunctions} find through the request's application context.
 */
final class CognitoGatewayRelay {

	private static final Log logger = LogFactory.getLog(CognitoGatewayRelay.class);

	private final CognitoGatewayProperties properties;

	private final OAuth2AuthorizedClientManager authorizedClientManager;

	private final GatewayAssertions assertions;

	private final Set<String> sessionCookies;

	private final List<String> identityHeaders;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * @param authorizedClientManager the browser login's, or {@code null} without browser
	 * login
	 * @param assertions the assertion signer, or {@code null} when assertions are off
	 * @param sessionCookies the names of the gateway's session cookies
	 */
	CognitoGatewayRelay(CognitoGatewayProperties properties, OAuth2AuthorizedClientManager authorizedClientManager,
			GatewayAssertions assertions, Collection<String> sessionCookies) {
		this.properties = properties;
		this.authorizedClientManager = authorizedClientManager;
		this.assertions = assertions;
		this.sessionCookies = sessionCookies.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		List<String> headers = new ArrayList<>(properties.getHeaders().names());
		headers.add(properties.getAssertion().getHeader());
		this.identityHeaders = List.copyOf(headers);
	}

	/**
	 * The request as it goes to the upstream, rebuilt once: without the gateway's session
	 * cookies and without any identity header of the client's, then with the caller's
	 * access token and identity headers as asked.
	 * @param token whether to put the caller's access token on it
	 * @param identity whether to add the identity headers (and the assertion when on)
	 */
	ServerRequest relay(ServerRequest request, boolean token, boolean identity) {
		String accessToken = token ? accessToken(request) : null;
		Consumer<HttpHeaders> identityHeaders = identity ? identityHeaders(request, accessToken) : null;
		return ServerRequest.from(request).headers((headers) -> {
			sanitize(headers);
			if (accessToken != null) {
				headers.setBearerAuth(accessToken);
			}
			if (identityHeaders != null) {
				identityHeaders.accept(headers);
			}
		})
			.cookies((cookies) -> cookies.keySet()
				.removeIf((name) -> this.sessionCookies.contains(name.toLowerCase(Locale.ROOT))))
			.build();
	}

	private void sanitize(HttpHeaders headers) {
		this.identityHeaders.forEach(headers::remove);
		List<String> cookies = headers.get(HttpHeaders.COOKIE);
		if (cookies != null) {
			List<String> kept = cookies.stream().map(this::withoutSessionCookies).filter((c) -> !c.isEmpty()).toList();
			headers.remove(HttpHeaders.COOKIE);
			if (!kept.isEmpty()) {
				headers.put(HttpHeaders.COOKIE, kept);
			}
		}
	}

	private String withoutSessionCookies(String header) {
		List<String> kept = new ArrayList<>();
		for (String pair : header.split(";")) {
			String trimmed = pair.trim();
			int equals = trimmed.indexOf('=');
			String name = ((equals >= 0) ? trimmed.substring(0, equals) : trimmed).trim();
			if (!trimmed.isEmpty() && !this.sessionCookies.contains(name.toLowerCase(Locale.ROOT))) {
				kept.add(trimmed);
			}
		}
		return String.join("; ", kept);
	}

	/**
	 * The caller's access token for {@code Authorization: Bearer}: a browser user's,
	 * refreshed first when it has expired, or the bearer token the caller sent (validated
	 * by the gateway's resource server on the way in). A browser user whose tokens
	 * Cognito no longer refreshes is signed out and sent to sign in again.
	 * @return the token, or {@code null} for an anonymous caller
	 */
	private String accessToken(ServerRequest request) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
			return bearer.getToken().getTokenValue();
		}
		if (caller instanceof OAuth2AuthenticationToken user && this.authorizedClientManager != null) {
			return accessTokenOf(user, request.servletRequest());
		}
		return null;
	}

	private String accessTokenOf(OAuth2AuthenticationToken user, HttpServletRequest request) {
		HttpServletResponse response = currentResponse();
		OAuth2AuthorizeRequest.Builder authorize = OAuth2AuthorizeRequest
			.withClientRegistrationId(user.getAuthorizedClientRegistrationId())
			.principal(user)
			.attribute(HttpServletRequest.class.getName(), request);
		if (response != null) {
			authorize.attribute(HttpServletResponse.class.getName(), response);
		}
		OAuth2AuthorizedClient client;
		try {
			client = this.authorizedClientManager.authorize(authorize.build());
		}
		catch (ClientAuthorizationRequiredException ex) {
			throw signInAgain(request, response, user);
		}
		catch (ClientAuthorizationException ex) {
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				throw signInAgain(request, response, user);
			}
			throw unavailable(ex);
		}
		catch (OAuth2AuthorizationException ex) {
			throw unavailable(ex);
		}
		if (client == null) {
			throw signInAgain(request, response, user);
		}
		return client.getAccessToken().getTokenValue();
	}

	/**
	 * Ends the session whose tokens Cognito no longer refreshes; the exception sends a
	 * browser to sign in again and gives an API-style request a 401.
	 */
	private InsufficientAuthenticationException signInAgain(HttpServletRequest request, HttpServletResponse response,
			OAuth2AuthenticationToken user) {
		if (logger.isDebugEnabled()) {
			logger.debug("Ending a gateway session: Cognito no longer refreshes its tokens");
		}
		new SecurityContextLogoutHandler().logout(request, response, user);
		return new InsufficientAuthenticationException("The sign-in has to be renewed");
	}

	private static ResponseStatusException unavailable(OAuth2AuthorizationException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Could not refresh the access token to relay: " + ex.getError().getErrorCode());
		}
		return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Amazon Cognito did not answer");
	}

	private static HttpServletResponse currentResponse() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getResponse() : null;
	}

	/**
	 * What sets the identity headers of the signed-in caller (and the signed assertion
	 * when on); nothing for an anonymous caller.
	 */
	private Consumer<HttpHeaders> identityHeaders(ServerRequest request, String accessToken) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CognitoAuthentication caller)) {
			return (headers) -> {
			};
		}
		CognitoGatewayProperties.Headers names = this.properties.getHeaders();
		Object sub = caller.getClaims().get("sub");
		Object email = caller.getClaims().get("email");
		String assertion = (this.assertions != null)
				? this.assertions.assertionOf(caller, (accessToken != null) ? accessToken : tokenOf(caller),
						issuer(request.uri(), request.servletRequest()), request.uri().getHost())
				: null;
		return (headers) -> {
			caller.getUsername().ifPresent((username) -> set(headers, names.getUsername(), username));
			if (sub instanceof String value) {
				set(headers, names.getSub(), value);
			}
			if (email instanceof String value) {
				set(headers, names.getEmail(), value);
			}
			set(headers, names.getGroups(), String.join(",", caller.getGroups()));
			if (assertion != null) {
				set(headers, this.properties.getAssertion().getHeader(), assertion);
			}
		};
	}

	/**
	 * The token the caller came with: a bearer caller's, a browser user's ID token of the
	 * sign-in. A new sign-in gets a new assertion.
	 */
	private static String tokenOf(CognitoAuthentication caller) {
		if (caller instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
			return bearer.getToken().getTokenValue();
		}
		if (caller.getPrincipal() instanceof OidcUser user) {
			return user.getIdToken().getTokenValue();
		}
		return null;
	}

	/**
	 * Sets a header to a value a user may have chosen (a Cognito username can be any
	 * Unicode): a value outside printable ASCII is sent percent-encoded as UTF-8, since
	 * an HTTP header cannot carry it as is (and control characters would split it).
	 */
	private static void set(HttpHeaders headers, String name, String value) {
		boolean printableAscii = value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
		headers.set(name, printableAscii ? value : UriUtils.encode(value, StandardCharsets.UTF_8));
	}

	private static String issuer(URI uri, HttpServletRequest request) {
		String port = (uri.getPort() >= 0) ? ":" + uri.getPort() : "";
		return uri.getScheme() + "://" + uri.getHost() + port + request.getContextPath();
	}

	/**
	 * Lets the request on only for a signed-in caller in at least one of the groups; an
	 * anonymous caller is sent to sign in, a signed-in one refused (403).
	 */
	void requireAnyGroup(Collection<String> groups) {
		CognitoAuthentication caller = signedIn();
		if (caller.getGroups().stream().noneMatch(groups::contains)) {
			throw new AccessDeniedException("Not in any of the groups this route needs");
		}
	}

	/**
	 * Lets the request on only for a signed-in caller granted every one of the scopes.
	 */
	void requireScopes(Collection<String> scopes) {
		CognitoAuthentication caller = signedIn();
		if (!caller.getScopes().containsAll(scopes)) {
			throw new AccessDeniedException("Without a scope this route needs");
		}
	}

	private CognitoAuthentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CognitoAuthentication caller && !this.trustResolver.isAnonymous(caller)) {
			return caller;
		}
		// The exception translation sends an anonymous caller to sign in (or a 401).
		throw new AccessDeniedException("This route needs a signed-in Cognito user");
	}

}
