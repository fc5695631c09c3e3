package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Lets one request per browser session at a time obtain (and so refresh) the session's
 * tokens.
 * <p>
 * A page that fires several requests just after the access token expired would otherwise
 * send the same refresh token to Cognito several times at once. With refresh token
 * rotation on, every refresh but the first then fails once the client's grace period is
 * over, and Spring Security drops the session's tokens. Serialised, the later requests
 * find the tokens the first one stored and use them. The lock is the session id's
 * ({@link SessionRefreshCoordinator}), across instances when the sessions live in Redis;
 * a request whose tokens are current takes no lock.
 */
final class SessionSynchronizedAuthorizedClientManager implements OAuth2AuthorizedClientManager {

	/**
	 * As Spring Security's refresh provider: this close to its expiry, a token is
	 * refreshed.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final OAuth2AuthorizedClientManager delegate;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final SessionRefreshCoordinator coordinator;

	private final Clock clock;

	SessionSynchronizedAuthorizedClientManager(OAuth2AuthorizedClientManager delegate,
			OAuth2AuthorizedClientRepository authorizedClients, SessionRefreshCoordinator coordinator, Clock clock) {
		this.delegate = delegate;
		this.authorizedClients = authorizedClients;
		this.coordinator = coordinator;
		this.clock = clock;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest authorizeRequest) {
		HttpServletRequest request = request(authorizeRequest);
		HttpSession session = (request != null) ? request.getSession(false) : null;
		if (session == null || current(authorizeRequest, request)) {
			return authorizeOrSignInAgain(authorizeRequest);
		}
		return this.coordinator.call(request, session, () -> authorizeOrSignInAgain(authorizeRequest));
	}

	/**
	 * Whether the session holds tokens that need no refresh (read without the lock: the
	 * common case costs no round trip to a shared store).
	 */
	private boolean current(OAuth2AuthorizeRequest authorizeRequest, HttpServletRequest request) {
		OAuth2AuthorizedClient client = authorizeRequest.getAuthorizedClient();
		if (client == null) {
			client = this.authorizedClients.loadAuthorizedClient(authorizeRequest.getClientRegistrationId(),
					authorizeRequest.getPrincipal(), request);
		}
		if (client == null) {
			return false;
		}
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt == null || this.clock.instant().isBefore(expiresAt.minus(CLOCK_SKEW));
	}

	/**
	 * A refresh token Cognito no longer accepts (revoked, expired after its 30-day
	 * default, or rotated away) answers {@code invalid_grant}. Spring Security has then
	 * dropped the session's tokens; asking for authorization again sends the browser to
	 * Cognito's sign-in (Spring's authorization-request filter handles this exception)
	 * instead of failing the request with a 500.
	 */
	private OAuth2AuthorizedClient authorizeOrSignInAgain(OAuth2AuthorizeRequest authorizeRequest) {
		try {
			return this.delegate.authorize(authorizeRequest);
		}
		catch (ClientAuthorizationException ex) {
			if (!(ex instanceof ClientAuthorizationRequiredException)
					&& OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				throw new ClientAuthorizationRequiredException(ex.getClientRegistrationId());
			}
			throw ex;
		}
	}

	private static HttpServletRequest request(OAuth2AuthorizeRequest authorizeRequest) {
		Object attribute = authorizeRequest.getAttribute(HttpServletRequest.class.getName());
		HttpServletRequest request = (attribute instanceof HttpServletRequest servletRequest) ? servletRequest : null;
		if (request == null) {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			if (attributes instanceof ServletRequestAttributes servletAttributes) {
				request = servletAttributes.getRequest();
			}
		}
		return request;
	}

}
