package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;
import io.github.cognitosso.autoconfigure.core.ControlCharacters;
import io.github.cognitosso.autoconfigure.core.LoginPage;
import io.github.cognitosso.autoconfigure.core.LoginSessionTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Makes a browser session follow Cognito on WebFlux, as the servlet login does
 * ({@code cognito.login.session-follows-tokens}): once the session's access or ID token
 * has expired, the request refreshes them, and the new ID token's groups become the
 * user's authorities ({@link RefreshedUserHandler}). A refresh Cognito refuses
 * ({@code invalid_grant}: the refresh token was revoked, the user disabled or signed out
 * everywhere), a session without tokens, and a session older than
 * {@code cognito.login.session-max-lifetime} end here: the request goes on
 * unauthenticated, so a protected page sends a browser to sign in again and an API-style
 * call gets a 401. When Cognito cannot be reached the session is kept but the request is
 * answered 503.
 * <p>
 * The refresh runs under the session's lock ({@link WebSessionRefreshCoordinator}, the
 * one the application's {@code ReactiveOAuth2AuthorizedClientManager} takes), across
 * instances while the WebSessions live in Redis: requests that waited, on this instance
 * or another one sharing the session, find the tokens and the user the first one stored.
 * A refused refresh after another instance refreshed first takes that instance's tokens
 * instead of ending the session. A request whose session is current takes no lock.
 */
final class SessionRenewalWebFilter implements WebFilter {

	private static final Log logger = LogFactory.getLog(SessionRenewalWebFilter.class);

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	private final WebSessionRefreshCoordinator coordinator;

	private final CognitoLoginSecurityContextRepository securityContexts;

	private final RefreshTokenRevokingServerLogoutHandler revokingHandler;

	private final RefreshedUserHandler refreshedUsers;

	private final boolean followTokens;

	private final Duration maxLifetime;

	private final Clock clock;

	private final ServerWebExchangeMatcher apiRequests;

	/**
	 * @param authorizedClientManager refreshes the tokens; it must not take the session's
	 * lock itself
	 * @param followTokens whether expired tokens are refreshed and a refused refresh ends
	 * the session
	 * @param maxLifetime the absolute session lifetime, or {@code null} for none
	 * @param coordinator runs the renewal once per session at a time, across instances
	 * when sessions are shared
	 */
	SessionRenewalWebFilter(ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveOAuth2AuthorizedClientManager authorizedClientManager, WebSessionRefreshCoordinator coordinator,
			CognitoLoginSecurityContextRepository securityContexts,
			RefreshTokenRevokingServerLogoutHandler revokingHandler, RefreshedUserHandler refreshedUsers,
			boolean followTokens, Duration maxLifetime, Clock clock, ServerWebExchangeMatcher apiRequests) {
		this.authorizedClients = authorizedClients;
		this.authorizedClientManager = authorizedClientManager;
		this.coordinator = coordinator;
		this.securityContexts = securityContexts;
		this.revokingHandler = revokingHandler;
		this.refreshedUsers = refreshedUsers;
		this.followTokens = followTokens;
		this.maxLifetime = maxLifetime;
		this.clock = clock;
		this.apiRequests = apiRequests;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(CognitoLoginAuthentication.class::isInstance)
			.cast(CognitoLoginAuthentication.class)
			.filterWhen((user) -> due(exchange, user))
			.flatMap((user) -> exchange.getSession())
			.flatMap((session) -> this.coordinator.call(session, () -> renew(exchange, session))
				// Waited the lock's lifetime for another instance's refresh: as when
				// Cognito cannot be reached, the session is kept.
				.onErrorResume(OAuth2AuthorizationException.class, (ex) -> {
					logUnavailable(ex);
					return Mono.just(Outcome.UNAVAILABLE);
				}))
			.defaultIfEmpty(Outcome.UNTOUCHED)
			.flatMap((outcome) -> outcome.proceed(this, exchange, chain));
	}

	/**
	 * Whether the session may need renewing, read without the lock from the session as
	 * the request loaded it: most requests find current tokens and take no lock (with
	 * sessions in Redis, a lock costs round trips).
	 */
	private Mono<Boolean> due(ServerWebExchange exchange, CognitoLoginAuthentication user) {
		Instant now = this.clock.instant();
		if (this.maxLifetime != null && user.getSignedInAt() != null
				&& !now.isBefore(user.getSignedInAt().plus(this.maxLifetime))) {
			return Mono.just(true);
		}
		if (!this.followTokens) {
			return Mono.just(false);
		}
		Instant idTokenExpiry = (user.getPrincipal() instanceof OidcUser oidcUser) ? oidcUser.getExpiresAt() : null;
		return this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(user.getAuthorizedClientRegistrationId(), user, exchange)
			.map((client) -> LoginSessionTokens.expired(client.getAccessToken().getExpiresAt(), now)
					|| LoginSessionTokens.expired(idTokenExpiry, now))
			.defaultIfEmpty(true);
	}

	/**
	 * Runs under the session's lock: reads the user and the tokens as the session holds
	 * them now, since a request that held the lock before may have renewed or ended it.
	 */
	private Mono<Outcome> renew(ServerWebExchange exchange, WebSession session) {
		return this.securityContexts.load(exchange)
			.map(SecurityContext::getAuthentication)
			.filter(CognitoLoginAuthentication.class::isInstance)
			.cast(CognitoLoginAuthentication.class)
			.flatMap((user) -> renew(exchange, user))
			// The session ended while this request waited, or holds no Cognito user.
			.defaultIfEmpty(Outcome.ENDED);
	}

	private Mono<Outcome> renew(ServerWebExchange exchange, CognitoLoginAuthentication user) {
		Instant now = this.clock.instant();
		if (this.maxLifetime != null && user.getSignedInAt() != null
				&& !now.isBefore(user.getSignedInAt().plus(this.maxLifetime))) {
			return this.revokingHandler.revokeAndForget(exchange, user)
				.then(end(exchange, user, "it reached cognito.login.session-max-lifetime"));
		}
		if (!this.followTokens) {
			return Mono.just(Outcome.current(user));
		}
		String registrationId = user.getAuthorizedClientRegistrationId();
		return this.authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId, user, exchange)
			.flatMap((client) -> refreshIfExpired(exchange, user, client, now))
			.switchIfEmpty(Mono.defer(() -> end(exchange, user, "its tokens are gone")));
	}

	private Mono<Outcome> refreshIfExpired(ServerWebExchange exchange, CognitoLoginAuthentication user,
			OAuth2AuthorizedClient client, Instant now) {
		Instant idTokenExpiry = (user.getPrincipal() instanceof OidcUser oidcUser) ? oidcUser.getExpiresAt() : null;
		boolean accessTokenExpired = LoginSessionTokens.expired(client.getAccessToken().getExpiresAt(), now);
		if (!accessTokenExpired && !LoginSessionTokens.expired(idTokenExpiry, now)) {
			return Mono.just(Outcome.current(user));
		}
		if (client.getRefreshToken() == null) {
			return end(exchange, user, "its tokens expired and there is no refresh token");
		}
		OAuth2AuthorizeRequest.Builder authorize = accessTokenExpired
				? OAuth2AuthorizeRequest.withClientRegistrationId(user.getAuthorizedClientRegistrationId())
				: OAuth2AuthorizeRequest.withAuthorizedClient(LoginSessionTokens.expiringAt(client, idTokenExpiry));
		RefreshResponseCapture refresh = new RefreshResponseCapture();
		return this.authorizedClientManager
			.authorize(authorize.principal(user).attribute(ServerWebExchange.class.getName(), exchange).build())
			.contextWrite(refresh::capturing)
			.flatMap((refreshed) -> this.refreshedUsers.renew(exchange, user, refreshed, refresh.response()))
			.map(Outcome::current)
			.defaultIfEmpty(Outcome.current(user))
			.onErrorResume((ex) -> refused(exchange, user, client, ex));
	}

	private Mono<Outcome> refused(ServerWebExchange exchange, CognitoLoginAuthentication user,
			OAuth2AuthorizedClient client, Throwable ex) {
		if (ex instanceof ClientAuthorizationRequiredException) {
			return refusedUnlessRefreshedElsewhere(exchange, user, client);
		}
		if (ex instanceof ClientAuthorizationException refused) {
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
				return refusedUnlessRefreshedElsewhere(exchange, user, client);
			}
			logUnavailable(refused);
			return Mono.just(Outcome.UNAVAILABLE);
		}
		if (ex instanceof OAuth2AuthenticationException rejected) {
			// The refreshed ID token or user did not pass the checks of a sign-in.
			return end(exchange, user,
					"the refreshed user was not accepted (" + rejected.getError().getErrorCode() + ")");
		}
		if (ex instanceof OAuth2AuthorizationException failed) {
			logUnavailable(failed);
			return Mono.just(Outcome.UNAVAILABLE);
		}
		return Mono.error(ex);
	}

	/**
	 * A refused refresh ends the session, unless the shared store shows that another
	 * instance refreshed it meanwhile (with rotation, retiring the refresh token this
	 * request sent): the request then goes on with those tokens and that user.
	 */
	private Mono<Outcome> refusedUnlessRefreshedElsewhere(ServerWebExchange exchange, CognitoLoginAuthentication user,
			OAuth2AuthorizedClient client) {
		return exchange.getSession()
			.flatMap((session) -> this.coordinator.adoptRefreshedElsewhere(session,
					user.getAuthorizedClientRegistrationId(), client.getRefreshToken().getTokenValue()))
			.filter(Boolean::booleanValue)
			.flatMap((adopted) -> this.securityContexts.load(exchange))
			.map(SecurityContext::getAuthentication)
			.filter(CognitoLoginAuthentication.class::isInstance)
			.cast(CognitoLoginAuthentication.class)
			.map((stored) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Cognito refused a refresh that another instance had made first; using its tokens");
				}
				return Outcome.current(stored);
			})
			.switchIfEmpty(Mono.defer(() -> end(exchange, user, "Cognito refused to refresh its tokens")));
	}

	private Mono<Outcome> end(ServerWebExchange exchange, CognitoLoginAuthentication user, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Ending a browser session: " + reason);
		}
		return this.authorizedClients.removeAuthorizedClient(user.getAuthorizedClientRegistrationId(), user, exchange)
			.then(exchange.getSession().flatMap(WebSession::invalidate))
			.thenReturn(Outcome.ENDED);
	}

	private Mono<Void> unavailable(ServerWebExchange exchange) {
		return this.apiRequests.matches(exchange).flatMap((api) -> {
			if (api.isMatch()) {
				return Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE));
			}
			return ServerLoginPages.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Session not renewed",
					LoginPage.SESSION_NOT_RENEWED_MESSAGE, null, "Home");
		});
	}

	private static void logUnavailable(OAuth2AuthorizationException ex) {
		if (logger.isWarnEnabled()) {
			logger.warn("Could not refresh the tokens of a browser session: " + ControlCharacters.strip(ex.getError()));
		}
	}

	/** What a request does after the session's check. */
	private record Outcome(Kind kind, CognitoLoginAuthentication user) {

		static final Outcome UNTOUCHED = new Outcome(Kind.UNTOUCHED, null);

		static final Outcome ENDED = new Outcome(Kind.ENDED, null);

		static final Outcome UNAVAILABLE = new Outcome(Kind.UNAVAILABLE, null);

		static Outcome current(CognitoLoginAuthentication user) {
			return new Outcome(Kind.CURRENT, user);
		}

		Mono<Void> proceed(SessionRenewalWebFilter filter, ServerWebExchange exchange, WebFilterChain chain) {
			return switch (this.kind) {
				case UNTOUCHED -> chain.filter(exchange);
				// The user as the session holds it now: renewed by this request or one
				// before it.
				case CURRENT ->
					chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(this.user));
				// Unauthenticated from here on: the entry points answer the request.
				case ENDED -> chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.clearContext());
				case UNAVAILABLE -> filter.unavailable(exchange);
			};
		}

	}

	private enum Kind {

		UNTOUCHED, CURRENT, ENDED, UNAVAILABLE

	}

}
