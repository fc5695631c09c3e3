package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;
import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import io.github.cognitosso.autoconfigure.core.LoginSessionTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a browser session follow Cognito ({@code cognito.login.session-follows-tokens}):
 * once the session's access or ID token has expired, the request refreshes them, and the
 * new ID token's groups become the user's authorities ({@link RefreshedUserListener}). A
 * refresh Cognito refuses ({@code invalid_grant}: the refresh token was revoked, the user
 * disabled or signed out everywhere), a session without tokens, and a session older than
 * {@code cognito.login.session-max-lifetime} end here: the request goes on
 * unauthenticated, so a protected page sends a browser to sign in again and an API-style
 * call gets a 401.
 * <p>
 * Without this, an HTTP session keeps the authorities of its sign-in for as long as
 * activity keeps it alive, whatever happens to the user in Cognito. The refresh goes
 * through the {@link OAuth2AuthorizedClientManager}, under the same session lock as
 * {@link SessionSynchronizedAuthorizedClientManager} ({@link SessionRefreshCoordinator}):
 * requests that waited, on this instance or another one sharing the session, find the
 * tokens and user the first one stored. When Cognito cannot be reached the session is
 * kept but the request is answered 503: the expired tokens no longer vouch for the user's
 * authorities.
 */
final class SessionRenewalFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SessionRenewalFilter.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final OAuth2AuthorizedClientManager authorizedClientManager;

	private final LogoutHandler revokingHandler;

	private final boolean followTokens;

	private final Duration maxLifetime;

	private final Clock clock;

	private final RequestMatcher apiRequests;

	private final SessionRefreshCoordinator coordinator;

	private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * @param revokingHandler revokes the refresh token of a session that reached its
	 * maximum lifetime
	 * @param followTokens whether expired tokens are refreshed and a refused refresh ends
	 * the session
	 * @param maxLifetime the absolute session lifetime, or {@code null} for none
	 * @param coordinator runs the renewal once per session at a time, across instances
	 * when sessions are shared
	 */
	SessionRenewalFilter(OAuth2AuthorizedClientRepository authorizedClients,
			OAuth2AuthorizedClientManager authorizedClientManager, LogoutHandler revokingHandler, boolean followTokens,
			Duration maxLifetime, Clock clock, RequestMatcher apiRequests, SessionRefreshCoordinator coordinator) {
		this.authorizedClients = authorizedClients;
		this.authorizedClientManager = authorizedClientManager;
		this.revokingHandler = revokingHandler;
		this.followTokens = followTokens;
		this.maxLifetime = maxLifetime;
		this.clock = clock;
		this.apiRequests = apiRequests;
		this.coordinator = coordinator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !(this.securityContextHolderStrategy.getContext()
			.getAuthentication() instanceof CognitoLoginAuthentication)) {
			chain.doFilter(request, response);
			return;
		}
		if (!due(request)) {
			chain.doFilter(request, response);
			return;
		}
		boolean renewed;
		try {
			renewed = this.coordinator.call(request, session, () -> renew(request, response));
		}
		catch (OAuth2AuthorizationException ex) {
			// The session's refresh lock stayed taken (another instance's refresh
			// outlasted
			// the wait) or the wait was interrupted: as when Cognito does not answer.
			logUnavailable(ex);
			renewed = false;
		}
		if (!renewed) {
			unavailable(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the session may need renewing, read without the lock from the session as
	 * the request loaded it: most requests find current tokens and take no lock (with
	 * sessions in Redis, a lock costs a round trip).
	 */
	private boolean due(HttpServletRequest request) {
		if (!(this.securityContextHolderStrategy.getContext()
			.getAuthentication() instanceof CognitoLoginAuthentication user)) {
			return false;
		}
		Instant now = this.clock.instant();
		if (this.maxLifetime != null && user.getSignedInAt() != null
				&& !now.isBefore(user.getSignedInAt().plus(this.maxLifetime))) {
			return true;
		}
		if (!this.followTokens) {
			return false;
		}
		OAuth2AuthorizedClient client = this.authorizedClients
			.loadAuthorizedClient(user.getAuthorizedClientRegistrationId(), user, request);
		if (client == null) {
			return true;
		}
		Instant idTokenExpiry = (user.getPrincipal() instanceof OidcUser oidcUser) ? oidcUser.getExpiresAt() : null;
		return expired(client.getAccessToken().getExpiresAt(), now) || expired(idTokenExpiry, now);
	}

	/**
	 * @return {@code false} when Cognito could not be asked; {@code true} when the
	 * session is current or has ended
	 */
	private boolean renew(HttpServletRequest request, HttpServletResponse response) {
		CognitoLoginAuthentication user = currentUser(request);
		if (user == null) {
			return true;
		}
		Instant now = this.clock.instant();
		if (this.maxLifetime != null && user.getSignedInAt() != null
				&& !now.isBefore(user.getSignedInAt().plus(this.maxLifetime))) {
			this.revokingHandler.logout(request, response, user);
			end(request, response, user, "it reached cognito.login.session-max-lifetime");
			return true;
		}
		if (!this.followTokens) {
			return true;
		}
		String registrationId = user.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(registrationId, user, request);
		if (client == null) {
			end(request, response, user, "its tokens are gone");
			return true;
		}
		OAuth2AccessToken accessToken = client.getAccessToken();
		Instant idTokenExpiry = (user.getPrincipal() instanceof OidcUser oidcUser) ? oidcUser.getExpiresAt() : null;
		boolean accessTokenExpired = expired(accessToken.getExpiresAt(), now);
		if (!accessTokenExpired && !expired(idTokenExpiry, now)) {
			return true;
		}
		// Spring Security refreshes on the access token's expiry only: an ID token that
		// expires first (Cognito sets
		// the two lifetimes separately) is presented as an access token expiring with it.
		OAuth2AuthorizeRequest.Builder authorize = accessTokenExpired
				? OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
				: OAuth2AuthorizeRequest.withAuthorizedClient(expiringAt(client, idTokenExpiry));
		if (client.getRefreshToken() == null) {
			end(request, response, user, "its tokens expired and there is no refresh token");
			return true;
		}
		try {
			this.authorizedClientManager.authorize(authorize.principal(user)
				.attribute(HttpServletRequest.class.getName(), request)
				.attribute(HttpServletResponse.class.getName(), response)
				.build());
		}
		catch (ClientAuthorizationRequiredException ex) {
			refused(request, response, user, registrationId, client);
			return true;
		}
		catch (ClientAuthorizationException ex) {
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				refused(request, response, user, registrationId, client);
				return true;
			}
			logUnavailable(ex);
			return false;
		}
		catch (OAuth2AuthenticationException ex) {
			// The refreshed ID token or user did not pass the checks of a sign-in.
			end(request, response, user, "the refreshed user was not accepted (" + ex.getError().getErrorCode() + ")");
			return true;
		}
		catch (OAuth2AuthorizationException ex) {
			logUnavailable(ex);
			return false;
		}
		return true;
	}

	/**
	 * The signed-in user as the session holds it now: another request of the session may
	 * have refreshed it, or ended the session, while this one waited for the lock.
	 * @return the user, or {@code null} when the session has ended or holds no Cognito
	 * user any more
	 */
	private CognitoLoginAuthentication currentUser(HttpServletRequest request) {
		if (request.getSession(false) == null) {
			this.securityContextHolderStrategy.clearContext();
			return null;
		}
		SecurityContext stored = this.sessionContexts.loadDeferredContext(request).get();
		Authentication current = this.securityContextHolderStrategy.getContext().getAuthentication();
		Authentication inSession = stored.getAuthentication();
		if (inSession instanceof CognitoLoginAuthentication user) {
			if (user != current) {
				SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
				context.setAuthentication(user);
				this.securityContextHolderStrategy.setContext(context);
			}
			return user;
		}
		// No Cognito user in the session (a security context repository of the
		// application's own): as it was.
		return (inSession == null && current instanceof CognitoLoginAuthentication user) ? user : null;
	}

	/**
	 * A refused refresh ends the session, unless the shared store shows that another
	 * instance refreshed it meanwhile (with rotation, retiring the refresh token this
	 * request sent): the request then goes on with those tokens.
	 */
	private void refused(HttpServletRequest request, HttpServletResponse response, CognitoLoginAuthentication user,
			String registrationId, OAuth2AuthorizedClient client) {
		if (this.coordinator.adoptRefreshedElsewhere(request, registrationId,
				client.getRefreshToken().getTokenValue())) {
			if (logger.isDebugEnabled()) {
				logger.debug("Cognito refused a refresh that another instance had made first; using its tokens");
			}
			return;
		}
		end(request, response, user, "Cognito refused to refresh its tokens");
	}

	private void end(HttpServletRequest request, HttpServletResponse response, CognitoLoginAuthentication user,
			String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Ending a browser session: " + reason);
		}
		this.authorizedClients.removeAuthorizedClient(user.getAuthorizedClientRegistrationId(), user, request,
				response);
		// Invalidates the HTTP session and clears the security context: the request goes
		// on unauthenticated.
		new SecurityContextLogoutHandler().logout(request, response, user);
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = HttpStatus.SERVICE_UNAVAILABLE.value();
		if (this.apiRequests.matches(request)) {
			response.sendError(status);
			return;
		}
		LoginPages.write(response, status, "Session not renewed",
				"Your sign-in has to be renewed with Amazon Cognito, which did not answer. Please try again in a moment.",
				null, request.getContextPath() + "/", "Home");
	}

	private static void logUnavailable(OAuth2AuthorizationException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Could not refresh the tokens of a browser session: " + ControlCharacters.strip(ex.getError()));
		}
	}

	private static boolean expired(Instant expiresAt, Instant now) {
		return LoginSessionTokens.expired(expiresAt, now);
	}

	private static OAuth2AuthorizedClient expiringAt(OAuth2AuthorizedClient client, Instant expiresAt) {
		return LoginSessionTokens.expiringAt(client, expiresAt);
	}

}
