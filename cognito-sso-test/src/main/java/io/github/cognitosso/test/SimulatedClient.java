package io.github.cognitosso.test;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An app client of the simulated user pool, with the settings Cognito checks on every
 * request.
 *
 * @param clientId the app client id
 * @param clientSecret the secret of a confidential client, or {@code null} for a public
 * client
 * @param callbackUrls allowed redirect URIs of the authorization code grant (matched
 * exactly)
 * @param signOutUrls allowed {@code logout_uri} values of {@code /logout} (matched
 * exactly)
 * @param scopes scopes the client may request (built-in and custom
 * {@code <resource-server>/<scope>})
 * @param authorizationCodeGrant whether the authorization code grant is enabled
 * @param clientCredentialsGrant whether the client credentials grant is enabled (needs a
 * secret)
 * @param refreshTokenRotation whether a refresh returns a new refresh token (Cognito's
 * rotation setting)
 * @param accessTokenValidity lifetime of access and ID tokens
 * @param refreshTokenRetryGracePeriod with rotation, how long a rotated-away refresh
 * token still refreshes (Cognito's {@code RetryGracePeriodSeconds}, 0 to 60 seconds)
 */
public record SimulatedClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
		List<String> scopes, boolean authorizationCodeGrant, boolean clientCredentialsGrant,
		boolean refreshTokenRotation, Duration accessTokenValidity, Duration refreshTokenRetryGracePeriod) {

	public SimulatedClient {
		Objects.requireNonNull(clientId, "clientId");
		callbackUrls = List.copyOf((callbackUrls != null) ? callbackUrls : List.of());
		signOutUrls = List.copyOf((signOutUrls != null) ? signOutUrls : List.of());
		scopes = List.copyOf((scopes != null) ? scopes : List.of("openid", "email", "profile"));
		accessTokenValidity = (accessTokenValidity != null) ? accessTokenValidity : Duration.ofHours(1);
		refreshTokenRetryGracePeriod = (refreshTokenRetryGracePeriod != null) ? refreshTokenRetryGracePeriod
				: Duration.ZERO;
		if (refreshTokenRetryGracePeriod.isNegative() || refreshTokenRetryGracePeriod.compareTo(MAX_GRACE) > 0) {
			throw new IllegalArgumentException(
					"The retry grace period is 0 to 60 seconds in Cognito, got " + refreshTokenRetryGracePeriod);
		}
	}

	/**
	 * A client without a retry grace period: a rotated-away refresh token stops working
	 * at once.
	 */
	public SimulatedClient(String clientId, String clientSecret, List<String> callbackUrls, List<String> signOutUrls,
			List<String> scopes, boolean authorizationCodeGrant, boolean clientCredentialsGrant,
			boolean refreshTokenRotation, Duration accessTokenValidity) {
		this(clientId, clientSecret, callbackUrls, signOutUrls, scopes, authorizationCodeGrant, clientCredentialsGrant,
				refreshTokenRotation, accessTokenValidity, Duration.ZERO);
	}

	private static final Duration MAX_GRACE = Duration.ofSeconds(60);

	/**
	 * @return a confidential client for browser login with the given callback and
	 * sign-out URLs
	 */
	public static SimulatedClient confidential(String clientId, String clientSecret, List<String> callbackUrls,
			List<String> signOutUrls) {
		return new SimulatedClient(clientId, clientSecret, callbackUrls, signOutUrls,
				List.of("openid", "email", "profile", "phone", "aws.cognito.signin.user.admin"), true, false, false,
				null);
	}

	/**
	 * @return a public client (no secret, PKCE) for browser login
	 */
	public static SimulatedClient publicClient(String clientId, List<String> callbackUrls, List<String> signOutUrls) {
		return new SimulatedClient(clientId, null, callbackUrls, signOutUrls,
				List.of("openid", "email", "profile", "phone", "aws.cognito.signin.user.admin"), true, false, false,
				null);
	}

	/**
	 * @return a machine-to-machine client allowed the given custom scopes
	 */
	public static SimulatedClient machine(String clientId, String clientSecret, String... customScopes) {
		return new SimulatedClient(clientId, clientSecret, List.of(), List.of(), List.of(customScopes), false, true,
				false, null);
	}

	public boolean isConfidential() {
		return this.clientSecret != null;
	}

	/**
	 * @return this client with another access-token lifetime
	 */
	public SimulatedClient withAccessTokenValidity(Duration validity) {
		return new SimulatedClient(this.clientId, this.clientSecret, this.callbackUrls, this.signOutUrls, this.scopes,
				this.authorizationCodeGrant, this.clientCredentialsGrant, this.refreshTokenRotation, validity,
				this.refreshTokenRetryGracePeriod);
	}

	/**
	 * @return this client with further allowed callback and sign-out URLs (duplicates are
	 * dropped)
	 */
	public SimulatedClient withMoreUrls(Collection<String> moreCallbackUrls, Collection<String> moreSignOutUrls) {
		Set<String> callbacks = new LinkedHashSet<>(this.callbackUrls);
		callbacks.addAll(moreCallbackUrls);
		Set<String> signOuts = new LinkedHashSet<>(this.signOutUrls);
		signOuts.addAll(moreSignOutUrls);
		return new SimulatedClient(this.clientId, this.clientSecret, List.copyOf(callbacks), List.copyOf(signOuts),
				this.scopes, this.authorizationCodeGrant, this.clientCredentialsGrant, this.refreshTokenRotation,
				this.accessTokenValidity, this.refreshTokenRetryGracePeriod);
	}

	/**
	 * @return this client with refresh token rotation on or off
	 */
	public SimulatedClient withRefreshTokenRotation(boolean rotation) {
		return new SimulatedClient(this.clientId, this.clientSecret, this.callbackUrls, this.signOutUrls, this.scopes,
				this.authorizationCodeGrant, this.clientCredentialsGrant, rotation, this.accessTokenValidity,
				this.refreshTokenRetryGracePeriod);
	}

	/**
	 * @return this client with refresh token rotation on and the given retry grace period
	 * (Cognito's {@code RetryGracePeriodSeconds}): for that long after a refresh, the
	 * refresh token it replaced still refreshes
	 */
	public SimulatedClient withRefreshTokenRetryGracePeriod(Duration gracePeriod) {
		return new SimulatedClient(this.clientId, this.clientSecret, this.callbackUrls, this.signOutUrls, this.scopes,
				this.authorizationCodeGrant, this.clientCredentialsGrant, true, this.accessTokenValidity, gracePeriod);
	}

}
