package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * The {@code cognito.resource-server.*} settings: bearer-token validation of Cognito
 * access tokens for APIs, and the pool's key set ({@code jwks.*}), which the ID-token
 * check at browser login shares.
 * <p>
 * Bound by {@code CognitoResourceServerAutoConfiguration} and by
 * {@link CognitoJwkSourceConfiguration}, so the key-set settings are there for browser
 * login also when bearer-token validation is off.
 */
@ConfigurationProperties("cognito.resource-server")
public class CognitoResourceServerProperties {

	/**
	 * Whether to validate bearer tokens (JwtDecoder and the API security set-up).
	 */
	private boolean enabled = true;

	/**
	 * App clients whose tokens are accepted, in addition to cognito.client-id: an access
	 * token's client_id (an ID token's aud) must be one of them.
	 */
	private List<String> acceptedClientIds = new ArrayList<>();

	/**
	 * Whether tokens of every app client of the pool are accepted (no client_id check).
	 * Only for APIs that really serve every app client; by default a pool id without any
	 * accepted client id is a configuration error.
	 */
	private boolean acceptAnyClient = false;

	/**
	 * Kinds of Cognito token accepted as bearer tokens (their token_use claim): 'access',
	 * 'id' or both. ID tokens are meant for the client that signed the user in, not for
	 * APIs.
	 */
	private List<TokenUse> acceptedTokenUses = new ArrayList<>(List.of(TokenUse.ACCESS));

	/**
	 * Whether tokens carrying either issuer form of the pool (original and multi-Region)
	 * are accepted, as while a pool migrates its issuer type. When false only the form of
	 * cognito.issuer-type is accepted. Ignored when cognito.issuer-uri is set.
	 */
	private boolean acceptBothIssuerTypes = true;

	/**
	 * Resource indicators (RFC 8707) of this API. When set, an access token's aud must
	 * contain one of them; Cognito writes aud into access tokens only when the client
	 * asked for a resource.
	 */
	private List<String> audiences = new ArrayList<>();

	/**
	 * Scopes every access token must carry, whatever the endpoint. A token missing one is
	 * answered 403 insufficient_scope. Per-endpoint scopes belong in
	 * hasAuthority('SCOPE_...') rules instead.
	 */
	private List<String> requiredScopes = new ArrayList<>();

	/**
	 * Tolerated difference between this server's clock and Cognito's when checking exp,
	 * nbf and iat. A number without a unit is rejected at start-up (write 100ms or 100s).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration clockSkew = Duration.ofSeconds(60);

	/**
	 * Claims that name the caller (Authentication#getName), the first present one wins:
	 * username in access tokens, cognito:username in ID tokens, sub (= the client id) in
	 * machine-to-machine tokens.
	 */
	private List<String> principalClaims = new ArrayList<>(List.of("username", "cognito:username", "sub"));

	/**
	 * Longest bearer token accepted; longer ones are rejected before any parsing. The
	 * servlet container's own header size limit (8KB on Tomcat by default) applies first.
	 */
	private DataSize maxTokenSize = DataSize.ofKilobytes(16);

	/**
	 * Fetching and caching of the pool's signing keys (JSON Web Key Set).
	 */
	private final Jwks jwks = new Jwks();

	/**
	 * Cache of validated tokens, so a token sent again (as clients do until it expires)
	 * skips the signature verification and the checks.
	 */
	private final TokenCache tokenCache = new TokenCache();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getAcceptedClientIds() {
		return this.acceptedClientIds;
	}

	public void setAcceptedClientIds(List<String> acceptedClientIds) {
		this.acceptedClientIds = acceptedClientIds;
	}

	public boolean isAcceptAnyClient() {
		return this.acceptAnyClient;
	}

	public void setAcceptAnyClient(boolean acceptAnyClient) {
		this.acceptAnyClient = acceptAnyClient;
	}

	public List<TokenUse> getAcceptedTokenUses() {
		return this.acceptedTokenUses;
	}

	public void setAcceptedTokenUses(List<TokenUse> acceptedTokenUses) {
		this.acceptedTokenUses = acceptedTokenUses;
	}

	public boolean isAcceptBothIssuerTypes() {
		return this.acceptBothIssuerTypes;
	}

	public void setAcceptBothIssuerTypes(boolean acceptBothIssuerTypes) {
		this.acceptBothIssuerTypes = acceptBothIssuerTypes;
	}

	public List<String> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

	public List<String> getRequiredScopes() {
		return this.requiredScopes;
	}

	public void setRequiredScopes(List<String> requiredScopes) {
		this.requiredScopes = requiredScopes;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public List<String> getPrincipalClaims() {
		return this.principalClaims;
	}

	public void setPrincipalClaims(List<String> principalClaims) {
		this.principalClaims = principalClaims;
	}

	public DataSize getMaxTokenSize() {
		return this.maxTokenSize;
	}

	public void setMaxTokenSize(DataSize maxTokenSize) {
		this.maxTokenSize = maxTokenSize;
	}

	public Jwks getJwks() {
		return this.jwks;
	}

	public TokenCache getTokenCache() {
		return this.tokenCache;
	}

	/**
	 * The pool's JSON Web Key Set: fetched on the first token (never at start-up),
	 * cached, refetched when a token names an unknown key. One key set serves
	 * bearer-token validation and the ID-token check at browser login, so these settings
	 * apply to both, also when bearer-token validation is off.
	 */
	public static class Jwks {

		/**
		 * How long fetched keys are used before the key set is fetched again, for bearer
		 * tokens and for ID tokens at login alike. While the JWKS endpoint is down the
		 * cached keys stay in use. A number without a unit is rejected at start-up (write
		 * 100ms or 100s).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration cacheTtl = Duration.ofMinutes(5);

		/**
		 * Minimum time between two fetches triggered by tokens naming an unknown key
		 * (kid), and between retries after a failed fetch, so forged kids cannot hammer
		 * Cognito; login's ID tokens share it. At least 1s: a shorter one fails the
		 * start-up. A rotated key is picked up by the first refetch. A number without a
		 * unit is rejected at start-up (write 100ms or 100s).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration refetchCooldown = Duration.ofSeconds(30);

		/**
		 * Connect timeout of a key set fetch (for bearer tokens and for ID tokens at
		 * login). A number without a unit is rejected at start-up (write 100ms or 100s).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Longest time a key set fetch may take in all, from the request to the last byte
		 * of the answer (a deadline for the whole fetch, not a timeout per read), for
		 * bearer tokens and for ID tokens at login. A number without a unit is rejected
		 * at start-up (write 2s or 500ms).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration readTimeout = Duration.ofSeconds(2);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getRefetchCooldown() {
			return this.refetchCooldown;
		}

		public void setRefetchCooldown(Duration refetchCooldown) {
			this.refetchCooldown = refetchCooldown;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/**
	 * The validated-token cache: only tokens that passed every check are kept, keyed by
	 * the whole token, each until its exp at the latest; failures are never cached.
	 */
	public static class TokenCache {

		/**
		 * Whether validated tokens are cached. Needs Caffeine on the classpath (the
		 * starter brings it); without it every token is validated on every request.
		 */
		private boolean enabled = true;

		/**
		 * Most tokens kept; past it the least used are evicted. An entry holds the token
		 * and a compact form of its claims: about 1.4 KB for a 1 KB Cognito access token,
		 * so about 14 MB when 10000 are kept.
		 */
		private long maximumSize = 10_000;

		/**
		 * Longest time a token is kept, even when its exp is later. It also bounds how
		 * long a token signed by a key withdrawn from the key set keeps being accepted. A
		 * number without a unit is rejected at start-up (write 100ms or 100s).
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxTtl = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

		public Duration getMaxTtl() {
			return this.maxTtl;
		}

		public void setMaxTtl(Duration maxTtl) {
			this.maxTtl = maxTtl;
		}

	}

}
