package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The access tokens of one machine-to-machine client: fetched with Spring Security's
 * client credentials support, kept in its authorized client service, and reused until
 * they are within the expiry margin of their end.
 * <p>
 * Three things Spring Security does not do on its own happen here:
 * <ul>
 * <li>Single flight: when the token is missing or stale, one caller asks Cognito and
 * every concurrent caller waits for that answer (success or failure) instead of sending a
 * token request of its own.</li>
 * <li>A fixed machine principal: the token belongs to the client, never to whichever user
 * is signed in on the calling thread (Spring's {@code OAuth2ClientHttpRequestInterceptor}
 * keys it by that user).</li>
 * <li>One clock: Spring stamps a token's issue time with {@code Instant.now()} whatever
 * clock the provider checks expiry with, so tokens are re-stamped with the same
 * {@link Clock}.</li>
 * <li>Back-off: after a failed token request, calls that need a new token fail fast with
 * the last error until a back-off has passed ({@code token-failure-backoff}, doubling
 * with each failure in a row up to {@code token-failure-backoff-max}, with jitter), so an
 * outage of Cognito does not turn every outgoing call into a token request that waits for
 * its timeout and spends the pool's request quota. A success resets it.</li>
 * </ul>
 * The registration repository and authorized client service are private to this object,
 * not beans, so they never meet the browser-login ones.
 * <p>
 * Public for the web adapters ({@code servlet.client} now, a reactive one next); not an
 * application API: applications use {@code CognitoClientCredentials}.
 */
public final class ClientCredentialsTokenSource {

	private static final Log logger = LogFactory.getLog(ClientCredentialsTokenSource.class);

	private final ClientCredentialsSettings settings;

	private final String principalName;

	private final OAuth2AuthorizedClientService authorizedClients;

	private final OAuth2AuthorizedClientManager manager;

	private final Clock clock;

	private final AtomicReference<CompletableFuture<OAuth2AccessToken>> inFlight = new AtomicReference<>();

	private final AtomicBoolean shortLifetimeReported = new AtomicBoolean();

	/**
	 * A number in [0, 1) for each back-off: how much of its upper half is taken off
	 * (jitter).
	 */
	private final DoubleSupplier jitter;

	/** Set after a failed token request, cleared by a successful one. */
	private final AtomicReference<Backoff> backoff = new AtomicReference<>();

	/**
	 * The last token obtained because an API rejected its predecessor; such a token is
	 * not renewed again.
	 */
	private volatile String renewedAfterRejection;

	private volatile CognitoInstrumentation instrumentation = CognitoInstrumentation.NONE;

	public ClientCredentialsTokenSource(ClientCredentialsSettings settings,
			OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient, Clock clock) {
		this(settings, tokenResponseClient, clock, () -> ThreadLocalRandom.current().nextDouble());
	}

	public ClientCredentialsTokenSource(ClientCredentialsSettings settings,
			OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenResponseClient, Clock clock,
			DoubleSupplier jitter) {
		this.settings = settings;
		this.clock = clock;
		this.jitter = jitter;
		this.principalName = "cognito-m2m:" + settings.name();
		ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration(settings));
		this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenResponseClient);
		provider.setClock(clock);
		provider.setClockSkew(settings.expiryMargin());
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, this.authorizedClients);
		manager.setAuthorizedClientProvider(stampedWithClock(provider));
		this.manager = manager;
	}

	private static ClientRegistration registration(ClientCredentialsSettings settings) {
		return ClientRegistration.withRegistrationId(settings.name())
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(
					(settings.authenticationMethod() == ClientAuthenticationMethod.CLIENT_SECRET_POST)
							? org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_POST
							: org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(settings.scopes())
			.tokenUri(settings.tokenUri().toString())
			.clientName("Cognito M2M client " + settings.name())
			.build();
	}

	public String clientName() {
		return this.settings.name();
	}

	/**
	 * @param instrumentation where each token request is observed
	 * ({@code cognito.token.request}) and its outcome reported
	 */
	public void setInstrumentation(CognitoInstrumentation instrumentation) {
		this.instrumentation = (instrumentation != null) ? instrumentation : CognitoInstrumentation.NONE;
	}

	/**
	 * @return a token valid beyond the expiry margin: the cached one, or a new one from
	 * Cognito
	 * @throws CognitoTokenException when Cognito does not issue one
	 */
	public OAuth2AccessToken accessToken() {
		OAuth2AccessToken cached = cached();
		if (cached != null && isFresh(cached)) {
			return cached;
		}
		return fetch(null);
	}

	/**
	 * @return the cached token when it is valid beyond the expiry margin, else
	 * {@code null}; never asks Cognito and never waits, so a caller on a thread that must
	 * not block (a Netty event loop) can use it and move only the token request elsewhere
	 */
	public OAuth2AccessToken cachedAccessToken() {
		OAuth2AccessToken cached = cached();
		return (cached != null && isFresh(cached)) ? cached : null;
	}

	/**
	 * The one rule of every HTTP client adapter for "the API rejected this token": 401
	 * with an RFC 6750 {@code invalid_token} challenge, what Spring Security resource
	 * servers send for an expired token. Any other answer, a 401 of another scheme
	 * included, reaches the caller as it is.
	 * @param status the answer's HTTP status
	 * @param challenges the answer's {@code WWW-Authenticate} values
	 * @return whether a renewed token is worth one retry
	 */
	public static boolean rejectsToken(int status, List<String> challenges) {
		if (status != 401) {
			return false;
		}
		for (String challenge : challenges) {
			try {
				if (BearerTokenError.INVALID_TOKEN.getCode().equals(BearerTokenError.parse(challenge).getCode())) {
					return true;
				}
			}
			catch (ParseException ex) {
				// Not a Bearer challenge.
			}
		}
		return false;
	}

	/**
	 * Replaces a token an API rejected although it had not expired by this application's
	 * clock (clock drift, a key rotation). Concurrent callers rejected with the same
	 * token share one renewal.
	 * @param rejected the token the API rejected
	 * @return the token to retry with, or {@code null} when {@code rejected} was itself
	 * such a renewal: renewing again would cost a token request per call against an API
	 * that rejects this client's tokens
	 * @throws CognitoTokenException when Cognito does not issue a token
	 */
	public OAuth2AccessToken renewAfterRejection(OAuth2AccessToken rejected) {
		if (rejected.getTokenValue().equals(this.renewedAfterRejection)) {
			return null;
		}
		return fetch(rejected);
	}

	/**
	 * @return how many callers wait for the token request in flight (0 when none is); for
	 * monitoring and tests
	 */
	public int callersWaitingForToken() {
		CompletableFuture<OAuth2AccessToken> flight = this.inFlight.get();
		return (flight != null) ? flight.getNumberOfDependents() : 0;
	}

	private OAuth2AccessToken fetch(OAuth2AccessToken rejected) {
		while (true) {
			Backoff current = this.backoff.get();
			if (current != null && this.clock.instant().isBefore(current.until())) {
				throw current.failFast();
			}
			CompletableFuture<OAuth2AccessToken> mine = new CompletableFuture<>();
			CompletableFuture<OAuth2AccessToken> running = this.inFlight.compareAndExchange(null, mine);
			if (running == null) {
				return lead(mine, rejected);
			}
			OAuth2AccessToken token = await(running);
			if (rejected == null || !rejected.getTokenValue().equals(token.getTokenValue())) {
				return token;
			}
			// The flight we joined handed out the very token that was rejected: lead a
			// renewal ourselves.
		}
	}

	private OAuth2AccessToken lead(CompletableFuture<OAuth2AccessToken> flight, OAuth2AccessToken rejected) {
		try {
			if (rejected != null) {
				forget(rejected);
			}
			// The manager returns the cached token when another flight refreshed it
			// meanwhile.
			OAuth2AccessToken token = authorize();
			if (rejected != null) {
				this.renewedAfterRejection = token.getTokenValue();
			}
			this.backoff.set(null);
			flight.complete(token);
			return token;
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof CognitoTokenException failure) {
				// Before the flight ends: a caller arriving after it must find the
				// back-off.
				backOff(failure);
			}
			flight.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.set(null);
		}
	}

	private OAuth2AccessToken authorize() {
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.settings.name())
			.principal(this.principalName)
			.build();
		CognitoInstrumentation instrumentation = this.instrumentation;
		// The client name is a configured key, so a bounded tag value.
		Observation observation = Observation
			.createNotStarted("cognito.token.request", instrumentation.observationRegistry())
			.contextualName("cognito token request")
			.lowCardinalityKeyValue("client", this.settings.name())
			.start();
		OAuth2AuthorizedClient authorized;
		try (Observation.Scope scope = observation.openScope()) {
			authorized = this.manager.authorize(request);
			observation.lowCardinalityKeyValue("outcome", CognitoErrorCodes.SUCCESS);
			instrumentation.tokenRequestCompleted(this.settings.name(), CognitoErrorCodes.SUCCESS);
		}
		catch (RuntimeException ex) {
			RuntimeException translated = CognitoTokenEndpoint.translate(this.settings, ex);
			String outcome = (translated instanceof CognitoTokenException failure)
					? CognitoErrorCodes.bounded(failure.errorCode()) : CognitoErrorCodes.OTHER;
			observation.lowCardinalityKeyValue("outcome", outcome).error(translated);
			instrumentation.tokenRequestCompleted(this.settings.name(), outcome);
			throw translated;
		}
		finally {
			observation.stop();
		}
		if (authorized == null) {
			throw new IllegalStateException("The client credentials provider did not authorize " + this.settings);
		}
		return authorized.getAccessToken();
	}

	private void backOff(CognitoTokenException failure) {
		Backoff previous = this.backoff.get();
		int failures = (previous != null) ? previous.failures() + 1 : 1;
		Duration delay = backoffDelay(this.settings.tokenFailureBackoff(), this.settings.tokenFailureBackoffMax(),
				failures, this.jitter.getAsDouble());
		Backoff next = new Backoff(failures, this.clock.instant().plus(delay), failure);
		this.backoff.set(next);
		if (logger.isWarnEnabled()) {
			logger.warn("Cognito M2M client '" + this.settings.name() + "' could not get an access token ("
					+ failure.errorCode()
					+ (failure.httpStatus().isPresent() ? ", HTTP " + failure.httpStatus().getAsInt() : "") + "), "
					+ failures + " time(s) in a row: calls that need a token fail fast until " + next.until() + " ("
					+ delay.toMillis() + " ms back-off).");
		}
	}

	/**
	 * The back-off after {@code failures} failed token requests in a row: {@code initial}
	 * doubled for each failure after the first, capped at {@code max}, then up to half of
	 * it taken off at random (jitter), so that the instances of an application that
	 * failed together do not all ask again at the same moment.
	 * @param initial the back-off after the first failure
	 * @param max the longest back-off
	 * @param failures failed token requests in a row, 1 or more
	 * @param jitter a number in [0, 1): 0 keeps the full back-off, values towards 1 take
	 * off towards half
	 * @return a duration in {@code (capped / 2, capped]}
	 */
	static Duration backoffDelay(Duration initial, Duration max, int failures, double jitter) {
		long capMillis = max.toMillis();
		long millis = Math.min(initial.toMillis(), capMillis);
		for (int i = 1; i < failures && millis < capMillis; i++) {
			millis = Math.min(millis * 2, capMillis);
		}
		return Duration.ofMillis(millis - (long) (millis / 2.0 * jitter));
	}

	private static OAuth2AccessToken await(CompletableFuture<OAuth2AccessToken> flight) {
		try {
			return flight.join();
		}
		catch (CompletionException ex) {
			// The leader's own exception: same client, same error, same moment.
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private OAuth2AccessToken cached() {
		OAuth2AuthorizedClient authorized = this.authorizedClients.loadAuthorizedClient(this.settings.name(),
				this.principalName);
		return (authorized != null) ? authorized.getAccessToken() : null;
	}

	private void forget(OAuth2AccessToken rejected) {
		OAuth2AccessToken cached = cached();
		if (cached != null && cached.getTokenValue().equals(rejected.getTokenValue())) {
			this.authorizedClients.removeAuthorizedClient(this.settings.name(), this.principalName);
		}
	}

	/**
	 * The same rule as Spring's provider: stale once {@code now > expiresAt - margin}.
	 */
	private boolean isFresh(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt == null || !this.clock.instant().isAfter(expiresAt.minus(this.settings.expiryMargin()));
	}

	private OAuth2AuthorizedClientProvider stampedWithClock(OAuth2AuthorizedClientProvider delegate) {
		return (context) -> {
			OAuth2AuthorizedClient fetched = delegate.authorize(context);
			if (fetched == null) {
				return null;
			}
			OAuth2AccessToken token = fetched.getAccessToken();
			Instant now = this.clock.instant();
			Instant expiresAt = null;
			if (token.getIssuedAt() != null && token.getExpiresAt() != null) {
				Duration lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt());
				expiresAt = now.plus(lifetime);
				reportShortLifetime(lifetime);
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Cognito M2M client '" + this.settings.name() + "' got a new access token, expiring at "
						+ expiresAt);
			}
			OAuth2AccessToken stamped = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now,
					expiresAt, token.getScopes());
			return new OAuth2AuthorizedClient(fetched.getClientRegistration(), fetched.getPrincipalName(), stamped);
		};
	}

	private void reportShortLifetime(Duration lifetime) {
		if (lifetime.compareTo(this.settings.expiryMargin()) <= 0
				&& this.shortLifetimeReported.compareAndSet(false, true) && logger.isWarnEnabled()) {
			logger.warn("Cognito M2M client '" + this.settings.name() + "' gets access tokens valid for "
					+ lifetime.toSeconds() + " s, no longer than " + this.settings.propertyPrefix() + "expiry-margin ("
					+ this.settings.expiryMargin().toSeconds() + " s): every call fetches a new token. Lower the "
					+ "margin or raise the app client's access token validity.");
		}
	}

	/**
	 * @param failures failed token requests in a row
	 * @param until no token request before this instant
	 * @param lastError the last failure, which every call during the back-off reports
	 */
	private record Backoff(int failures, Instant until, CognitoTokenException lastError) {

		/**
		 * @return the last error again, said to be a back-off, thrown from the caller's
		 * own stack
		 */
		CognitoTokenException failFast() {
			CognitoTokenException last = this.lastError;
			return new CognitoTokenException(
					last.getMessage() + " Back-off: Cognito's token endpoint is not asked again before " + this.until
							+ " (" + this.failures + " failed token request(s) in a row); this call failed fast.",
					last.clientName(), last.errorCode(), last.errorDescription().orElse(null),
					last.httpStatus().isPresent() ? last.httpStatus().getAsInt() : null, last);
		}

	}

}
