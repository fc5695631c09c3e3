package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code cognito.client-credentials.*} settings: machine-to-machine (M2M) clients.
 * The application gets access tokens for custom scopes with an app client's id and secret
 * (the OAuth 2.0 client credentials grant), and sends them to other APIs. The values
 * directly under {@code cognito.client-credentials} describe the default client;
 * {@code cognito.client-credentials.clients.<name>} adds named clients, each inheriting
 * every value it does not set from the default client except base-url. Bound by
 * {@link CognitoClientCredentialsAutoConfiguration}.
 */
@ConfigurationProperties("cognito.client-credentials")
public class CognitoClientCredentialsProperties {

	/**
	 * Whether machine-to-machine clients are set up. Default: on when
	 * cognito.client-credentials.client-id, client-secret, scopes, base-url or a named
	 * client is set.
	 */
	private Boolean enabled;

	/**
	 * Id of the machine-to-machine app client (one with the client credentials grant,
	 * which Cognito does not allow on an app client that has the authorization code
	 * grant). Default: cognito.client-id.
	 */
	private String clientId;

	/**
	 * Secret of the machine-to-machine app client. Required: the client credentials grant
	 * works only for confidential app clients. Default: cognito.client-secret, when the
	 * client id is cognito.client-id too. Never logged.
	 */
	private String clientSecret;

	/**
	 * Custom scopes to request, e.g. orders-api/read. Cognito grants only custom scopes
	 * (&lt;resource-server&gt;/&lt;scope&gt;) with this grant; built-in scopes such as
	 * openid or email are rejected. Empty: Cognito grants every custom scope the app
	 * client allows.
	 */
	private List<String> scopes = new ArrayList<>();

	/**
	 * How the app client authenticates at Cognito's token endpoint: client-secret-basic
	 * (HTTP Basic header) or client-secret-post (form parameters).
	 */
	private ClientAuthenticationMethod clientAuthenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

	/**
	 * How long before its expiry a cached access token is replaced by a new one. A number
	 * without a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration expiryMargin = Duration.ofSeconds(60);

	/**
	 * Connect timeout of requests to Cognito's token endpoint. A number without a unit is
	 * seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration tokenConnectTimeout = Duration.ofSeconds(5);

	/**
	 * Read timeout of requests to Cognito's token endpoint. A number without a unit is
	 * seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration tokenReadTimeout = Duration.ofSeconds(10);

	/**
	 * How long calls fail fast, with the last error, after a failed token request (5xx,
	 * timeout, invalid_client...) before Cognito is asked again. Doubles with each
	 * failure in a row up to token-failure-backoff-max, minus a random part of up to half
	 * (jitter); a token request that succeeds resets it. At least 100ms. A number without
	 * a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration tokenFailureBackoff = Duration.ofSeconds(1);

	/**
	 * Longest back-off after failed token requests in a row. At least
	 * token-failure-backoff. A number without a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration tokenFailureBackoffMax = Duration.ofSeconds(30);

	/**
	 * Base URL of the API the default client calls, e.g. https://orders.example.com, used
	 * by the pre-built cognitoRestClient. Not inherited by named clients. A placeholder
	 * that cannot be resolved at start-up, such as ${local.server.port}, is resolved at
	 * the first call.
	 */
	private String baseUrl;

	/**
	 * Origins (scheme, host and port, e.g. https://reports.example.com) that receive the
	 * default client's token, besides the origin of base-url. A request to any other
	 * origin goes out without the token, and the first one to each origin is logged as a
	 * warning. Without base-url and token-origins the token goes nowhere. Not inherited
	 * by named clients; setting it alone does not switch machine-to-machine clients on.
	 */
	private List<String> tokenOrigins = new ArrayList<>();

	/**
	 * Further named machine-to-machine clients, e.g.
	 * cognito.client-credentials.clients.inventory.scopes. Each takes the same keys as
	 * the default client and inherits the values it does not set, except base-url.
	 */
	private final Map<String, Client> clients = new LinkedHashMap<>();

	public Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public ClientAuthenticationMethod getClientAuthenticationMethod() {
		return this.clientAuthenticationMethod;
	}

	public void setClientAuthenticationMethod(ClientAuthenticationMethod clientAuthenticationMethod) {
		this.clientAuthenticationMethod = clientAuthenticationMethod;
	}

	public Duration getExpiryMargin() {
		return this.expiryMargin;
	}

	public void setExpiryMargin(Duration expiryMargin) {
		this.expiryMargin = expiryMargin;
	}

	public Duration getTokenConnectTimeout() {
		return this.tokenConnectTimeout;
	}

	public void setTokenConnectTimeout(Duration tokenConnectTimeout) {
		this.tokenConnectTimeout = tokenConnectTimeout;
	}

	public Duration getTokenReadTimeout() {
		return this.tokenReadTimeout;
	}

	public void setTokenReadTimeout(Duration tokenReadTimeout) {
		this.tokenReadTimeout = tokenReadTimeout;
	}

	public Duration getTokenFailureBackoff() {
		return this.tokenFailureBackoff;
	}

	public void setTokenFailureBackoff(Duration tokenFailureBackoff) {
		this.tokenFailureBackoff = tokenFailureBackoff;
	}

	public Duration getTokenFailureBackoffMax() {
		return this.tokenFailureBackoffMax;
	}

	public void setTokenFailureBackoffMax(Duration tokenFailureBackoffMax) {
		this.tokenFailureBackoffMax = tokenFailureBackoffMax;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public List<String> getTokenOrigins() {
		return this.tokenOrigins;
	}

	public void setTokenOrigins(List<String> tokenOrigins) {
		this.tokenOrigins = tokenOrigins;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	/**
	 * A named machine-to-machine client. Every value left unset is taken from the default
	 * client (cognito.client-credentials.*), except base-url.
	 */
	public static class Client {

		/**
		 * Id of the app client. Default: the default client's id.
		 */
		private String clientId;

		/**
		 * Secret of the app client. Default: the default client's secret, when the client
		 * id is inherited too.
		 */
		private String clientSecret;

		/**
		 * Custom scopes to request. Default: the default client's scopes.
		 */
		private List<String> scopes;

		/**
		 * Client authentication at the token endpoint. Default: the default client's.
		 */
		private ClientAuthenticationMethod clientAuthenticationMethod;

		/**
		 * How long before expiry a cached token is replaced. Default: the default
		 * client's. A number without a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration expiryMargin;

		/**
		 * Connect timeout of token requests. Default: the default client's. A number
		 * without a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration tokenConnectTimeout;

		/**
		 * Read timeout of token requests. Default: the default client's. A number without
		 * a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration tokenReadTimeout;

		/**
		 * Back-off after a failed token request. Default: the default client's. A number
		 * without a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration tokenFailureBackoff;

		/**
		 * Longest back-off after failed token requests. Default: the default client's. A
		 * number without a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration tokenFailureBackoffMax;

		/**
		 * Base URL of the API this client calls. Not inherited. A placeholder that cannot
		 * be resolved at start-up, such as ${local.server.port}, is resolved at the first
		 * call.
		 */
		private String baseUrl;

		/**
		 * Origins that receive this client's token besides the origin of its base-url.
		 * Not inherited.
		 */
		private List<String> tokenOrigins = new ArrayList<>();

		public String getClientId() {
			return this.clientId;
		}

		public void setClientId(String clientId) {
			this.clientId = clientId;
		}

		public String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public ClientAuthenticationMethod getClientAuthenticationMethod() {
			return this.clientAuthenticationMethod;
		}

		public void setClientAuthenticationMethod(ClientAuthenticationMethod clientAuthenticationMethod) {
			this.clientAuthenticationMethod = clientAuthenticationMethod;
		}

		public Duration getExpiryMargin() {
			return this.expiryMargin;
		}

		public void setExpiryMargin(Duration expiryMargin) {
			this.expiryMargin = expiryMargin;
		}

		public Duration getTokenConnectTimeout() {
			return this.tokenConnectTimeout;
		}

		public void setTokenConnectTimeout(Duration tokenConnectTimeout) {
			this.tokenConnectTimeout = tokenConnectTimeout;
		}

		public Duration getTokenReadTimeout() {
			return this.tokenReadTimeout;
		}

		public void setTokenReadTimeout(Duration tokenReadTimeout) {
			this.tokenReadTimeout = tokenReadTimeout;
		}

		public Duration getTokenFailureBackoff() {
			return this.tokenFailureBackoff;
		}

		public void setTokenFailureBackoff(Duration tokenFailureBackoff) {
			this.tokenFailureBackoff = tokenFailureBackoff;
		}

		public Duration getTokenFailureBackoffMax() {
			return this.tokenFailureBackoffMax;
		}

		public void setTokenFailureBackoffMax(Duration tokenFailureBackoffMax) {
			this.tokenFailureBackoffMax = tokenFailureBackoffMax;
		}

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public List<String> getTokenOrigins() {
			return this.tokenOrigins;
		}

		public void setTokenOrigins(List<String> tokenOrigins) {
			this.tokenOrigins = tokenOrigins;
		}

	}

}
