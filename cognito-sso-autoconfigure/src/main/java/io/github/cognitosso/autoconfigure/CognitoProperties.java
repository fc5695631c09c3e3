package io.github.cognitosso.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;
import io.github.cognitosso.autoconfigure.resource.TokenUse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code cognito.*} settings: which user pool, which domain, which app client.
 * <p>
 * Three properties are enough for most applications ({@code user-pool-id}, {@code domain}, {@code client-id});
 * everything else has a Cognito-correct default. Every URL is derived from these (see {@link CognitoEndpoints});
 * the overrides exist for local emulators and tests.
 */
@ConfigurationProperties("cognito")
public class CognitoProperties {

	/**
	 * Whether the Cognito starter is active. When false (or when no user pool id is set) it backs off completely.
	 */
	private boolean enabled = true;

	/**
	 * AWS region of the user pool, e.g. us-east-2. Derived from the user pool id when not set; an explicit value
	 * must match the pool id.
	 */
	private String region;

	/**
	 * Id of the Cognito user pool, e.g. us-east-2_mLoGHJpOs. Required: without it the starter backs off.
	 */
	private String userPoolId;

	/**
	 * The user pool's domain: a Cognito domain prefix (my-app), a custom domain host name (auth.example.com), or a
	 * full base URL (https://auth.example.com, or http://localhost:9229 for a local emulator). Needed for browser
	 * login, logout, token revocation and the client credentials grant.
	 */
	private String domain;

	/**
	 * Issuer type of the user pool: 'original' (https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool&gt;) or
	 * 'multi-region' (https://issuer-cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool&gt;).
	 */
	private IssuerType issuerType = IssuerType.ORIGINAL;

	/**
	 * Id of the app client used for browser login and accepted in access tokens' client_id claim.
	 */
	private String clientId;

	/**
	 * Secret of the app client, for confidential clients. Leave empty for a public client (PKCE only). Never
	 * logged.
	 */
	private String clientSecret;

	/**
	 * Scopes requested at login. Cognito's built-in scopes are openid, email, phone, profile and
	 * aws.cognito.signin.user.admin; custom scopes look like &lt;resource-server&gt;/&lt;scope&gt;. Do not add
	 * offline_access: Cognito rejects it and always issues a refresh token anyway.
	 */
	private List<String> scopes = new ArrayList<>(List.of("openid", "email", "profile"));

	/**
	 * Override of the issuer (the tokens' iss claim), e.g. http://localhost:9229/local_abc12345 for cognito-local.
	 * Also moves the discovery and JWKS URLs, unless those are overridden too.
	 */
	private String issuerUri;

	/**
	 * Override of the JSON Web Key Set URL. Default: &lt;issuer&gt;/.well-known/jwks.json.
	 */
	private String jwkSetUri;

	/**
	 * Overrides of single derived endpoints, for emulators and tests.
	 */
	private final Endpoints endpoints = new Endpoints();

	/**
	 * How Cognito groups and scopes become Spring Security authorities, for bearer tokens and browser login alike.
	 */
	private final Authorities authorities = new Authorities();

	/**
	 * Bearer-token validation for APIs.
	 */
	private final ResourceServer resourceServer = new ResourceServer();

	/**
	 * Browser single sign-on through Cognito's managed login (hosted UI).
	 */
	private final Login login = new Login();

	/**
	 * Logout that ends the Cognito session too.
	 */
	private final Logout logout = new Logout();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getUserPoolId() {
		return this.userPoolId;
	}

	public void setUserPoolId(String userPoolId) {
		this.userPoolId = userPoolId;
	}

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public IssuerType getIssuerType() {
		return this.issuerType;
	}

	public void setIssuerType(IssuerType issuerType) {
		this.issuerType = issuerType;
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

	public String getIssuerUri() {
		return this.issuerUri;
	}

	public void setIssuerUri(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	public String getJwkSetUri() {
		return this.jwkSetUri;
	}

	public void setJwkSetUri(String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

	public Endpoints getEndpoints() {
		return this.endpoints;
	}

	public Authorities getAuthorities() {
		return this.authorities;
	}

	public ResourceServer getResourceServer() {
		return this.resourceServer;
	}

	public Login getLogin() {
		return this.login;
	}

	public Logout getLogout() {
		return this.logout;
	}

	/**
	 * @return the endpoints these properties describe
	 * @throws CognitoConfigurationException when a value cannot work with Cognito
	 */
	public CognitoEndpoints toEndpoints() {
		return CognitoEndpoints.builder()
			.userPoolId(this.userPoolId)
			.region(this.region)
			.domain(this.domain)
			.issuerType(this.issuerType)
			.issuerUri(this.issuerUri)
			.jwkSetUri(this.jwkSetUri)
			.discoveryUri(this.endpoints.discoveryUri)
			.authorizationUri(this.endpoints.authorizationUri)
			.tokenUri(this.endpoints.tokenUri)
			.userInfoUri(this.endpoints.userInfoUri)
			.revocationUri(this.endpoints.revocationUri)
			.logoutUri(this.endpoints.logoutUri)
			.build();
	}

	/**
	 * Overrides of single derived URLs. Normally all of them follow from the pool id and domain.
	 */
	public static class Endpoints {

		/**
		 * Override of the OpenID discovery document URL. Default:
		 * &lt;issuer&gt;/.well-known/openid-configuration. Never fetched at start-up.
		 */
		private String discoveryUri;

		/**
		 * Override of the authorization endpoint. Default: &lt;domain&gt;/oauth2/authorize.
		 */
		private String authorizationUri;

		/**
		 * Override of the token endpoint. Default: &lt;domain&gt;/oauth2/token.
		 */
		private String tokenUri;

		/**
		 * Override of the userInfo endpoint. Default: &lt;domain&gt;/oauth2/userInfo.
		 */
		private String userInfoUri;

		/**
		 * Override of the token revocation endpoint. Default: &lt;domain&gt;/oauth2/revoke.
		 */
		private String revocationUri;

		/**
		 * Override of Cognito's logout endpoint. Default: &lt;domain&gt;/logout.
		 */
		private String logoutUri;

		public String getDiscoveryUri() {
			return this.discoveryUri;
		}

		public void setDiscoveryUri(String discoveryUri) {
			this.discoveryUri = discoveryUri;
		}

		public String getAuthorizationUri() {
			return this.authorizationUri;
		}

		public void setAuthorizationUri(String authorizationUri) {
			this.authorizationUri = authorizationUri;
		}

		public String getTokenUri() {
			return this.tokenUri;
		}

		public void setTokenUri(String tokenUri) {
			this.tokenUri = tokenUri;
		}

		public String getUserInfoUri() {
			return this.userInfoUri;
		}

		public void setUserInfoUri(String userInfoUri) {
			this.userInfoUri = userInfoUri;
		}

		public String getRevocationUri() {
			return this.revocationUri;
		}

		public void setRevocationUri(String revocationUri) {
			this.revocationUri = revocationUri;
		}

		public String getLogoutUri() {
			return this.logoutUri;
		}

		public void setLogoutUri(String logoutUri) {
			this.logoutUri = logoutUri;
		}

	}

	/**
	 * Mapping of Cognito claims to authorities.
	 */
	public static class Authorities {

		/**
		 * Claim that holds the user's groups (a JSON array of strings).
		 */
		private String groupsClaim = "cognito:groups";

		/**
		 * Prefix of the authority made from each group; the default makes hasRole('admin') match group 'admin'.
		 */
		private String groupPrefix = "ROLE_";

		/**
		 * Case applied to group names before the prefix is added.
		 */
		private GroupCase groupCase = GroupCase.UNCHANGED;

		/**
		 * Prefix of the authority made from each scope; the default makes hasAuthority('SCOPE_orders/read') match
		 * scope 'orders/read'.
		 */
		private String scopePrefix = "SCOPE_";

		public String getGroupsClaim() {
			return this.groupsClaim;
		}

		public void setGroupsClaim(String groupsClaim) {
			this.groupsClaim = groupsClaim;
		}

		public String getGroupPrefix() {
			return this.groupPrefix;
		}

		public void setGroupPrefix(String groupPrefix) {
			this.groupPrefix = groupPrefix;
		}

		public GroupCase getGroupCase() {
			return this.groupCase;
		}

		public void setGroupCase(GroupCase groupCase) {
			this.groupCase = groupCase;
		}

		public String getScopePrefix() {
			return this.scopePrefix;
		}

		public void setScopePrefix(String scopePrefix) {
			this.scopePrefix = scopePrefix;
		}

		/**
		 * Case applied to group names.
		 */
		public enum GroupCase {

			/** Keep the group name as Cognito sends it. */
			UNCHANGED,

			/** Lowercase the group name. */
			LOWERCASE,

			/** Uppercase the group name. */
			UPPERCASE

		}

	}

	/**
	 * Bearer-token validation of Cognito access tokens.
	 */
	public static class ResourceServer {

		/**
		 * Whether to validate bearer tokens (JwtDecoder and the API security set-up).
		 */
		private boolean enabled = true;

		/**
		 * App clients whose tokens are accepted, in addition to cognito.client-id: an access token's client_id (an ID
		 * token's aud) must be one of them.
		 */
		private List<String> acceptedClientIds = new ArrayList<>();

		/**
		 * Whether tokens of every app client of the pool are accepted (no client_id check). Only for APIs that really
		 * serve every app client; by default a pool id without any accepted client id is a configuration error.
		 */
		private boolean acceptAnyClient = false;

		/**
		 * Kinds of Cognito token accepted as bearer tokens (their token_use claim): 'access', 'id' or both. ID tokens
		 * are meant for the client that signed the user in, not for APIs.
		 */
		private List<TokenUse> acceptedTokenUses = new ArrayList<>(List.of(TokenUse.ACCESS));

		/**
		 * Whether tokens carrying either issuer form of the pool (original and multi-Region) are accepted, as while a
		 * pool migrates its issuer type. When false only the form of cognito.issuer-type is accepted. Ignored when
		 * cognito.issuer-uri is set.
		 */
		private boolean acceptBothIssuerTypes = true;

		/**
		 * Resource indicators (RFC 8707) of this API. When set, an access token's aud must contain one of them; Cognito
		 * writes aud into access tokens only when the client asked for a resource.
		 */
		private List<String> audiences = new ArrayList<>();

		/**
		 * Scopes every access token must carry, whatever the endpoint. A token missing one is answered 403
		 * insufficient_scope. Per-endpoint scopes belong in hasAuthority('SCOPE_...') rules instead.
		 */
		private List<String> requiredScopes = new ArrayList<>();

		/**
		 * Tolerated difference between this server's clock and Cognito's when checking exp, nbf and iat. A number without a unit is milliseconds (100 is 0.1 s).
		 */
		private Duration clockSkew = Duration.ofSeconds(60);

		/**
		 * Claims that name the caller (Authentication#getName), the first present one wins: username in access
		 * tokens, cognito:username in ID tokens, sub (= the client id) in machine-to-machine tokens.
		 */
		private List<String> principalClaims = new ArrayList<>(List.of("username", "cognito:username", "sub"));

		/**
		 * Longest bearer token accepted; longer ones are rejected before any parsing. The servlet container's own
		 * header size limit (8KB on Tomcat by default) applies first.
		 */
		private DataSize maxTokenSize = DataSize.ofKilobytes(16);

		/**
		 * Fetching and caching of the pool's signing keys (JSON Web Key Set).
		 */
		private final Jwks jwks = new Jwks();

		/**
		 * Cache of validated tokens, so a token sent again (as clients do until it expires) skips the signature
		 * verification and the checks.
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
		 * The pool's JSON Web Key Set: fetched on the first token (never at start-up), cached, refetched when a token
		 * names an unknown key. One key set serves bearer-token validation and the ID-token check at browser login, so
		 * these settings apply to both, also when bearer-token validation is off.
		 */
		public static class Jwks {

			/**
			 * How long fetched keys are used before the key set is fetched again, for bearer tokens and for ID tokens
			 * at login alike. While the JWKS endpoint is down the cached keys stay in use. A number without a unit is milliseconds (100 is 0.1 s).
			 */
			private Duration cacheTtl = Duration.ofMinutes(5);

			/**
			 * Minimum time between two fetches triggered by tokens naming an unknown key (kid), and between retries
			 * after a failed fetch, so forged kids cannot hammer Cognito; login's ID tokens share it. At least 1s: a shorter one fails the start-up.
			 * A rotated key is picked up by the first refetch. A number without a unit is milliseconds (100 is 0.1 s).
			 */
			private Duration refetchCooldown = Duration.ofSeconds(30);

			/**
			 * Connect timeout of a key set fetch (for bearer tokens and for ID tokens at login). A number without a unit is milliseconds (100 is 0.1 s).
			 */
			private Duration connectTimeout = Duration.ofSeconds(2);

			/**
			 * Longest time a key set fetch may take in all, from the request to the last byte of the answer (a
			 * deadline for the whole fetch, not a timeout per read), for bearer tokens and for ID tokens at login. A
			 * number without a unit is milliseconds (100 is
			 * 0.1 s).
			 */
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
		 * The validated-token cache: only tokens that passed every check are kept, keyed by the whole token, each
		 * until its exp at the latest; failures are never cached.
		 */
		public static class TokenCache {

			/**
			 * Whether validated tokens are cached. Needs Caffeine on the classpath (the starter brings it); without
			 * it every token is validated on every request.
			 */
			private boolean enabled = true;

			/**
			 * Most tokens kept; past it the least used are evicted. An entry holds the token and its parsed claims:
			 * about 3.5 KB for a 1 KB Cognito access token, so about 35 MB when 10000 are kept.
			 */
			private long maximumSize = 10_000;

			/**
			 * Longest time a token is kept, even when its exp is later. It also bounds how long a token signed by a
			 * key withdrawn from the key set keeps being accepted. A number without a unit is milliseconds (100 is 0.1 s).
			 */
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

	/**
	 * Browser single sign-on through the managed login pages.
	 */
	public static class Login {

		/**
		 * Whether browser login is on. Default: on when cognito.domain and cognito.client-id are both set. Setting
		 * it to true without a domain is a configuration error.
		 */
		private Boolean enabled;

		/**
		 * Redirect (callback) URI sent to Cognito; must be one of the app client's allowed callback URLs. Must be
		 * https, except for http://localhost.
		 */
		private String redirectUri = "{baseUrl}/login/oauth2/code/{registrationId}";

		/**
		 * How a confidential client (one with cognito.client-secret) authenticates at the token endpoint: HTTP
		 * Basic (client-secret-basic) or form fields (client-secret-post). A public client (no secret) sends only
		 * its client id, with PKCE.
		 */
		private ClientAuthenticationMethod clientAuthenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

		/**
		 * Whether a confidential client also uses PKCE (S256), as AWS recommends. Public clients always use it.
		 */
		private boolean pkce = true;

		/**
		 * Claim that names the signed-in user (the principal name). 'cognito:username' is the user's Cognito user
		 * name, which is a UUID when users sign in with their email address; 'email' or 'sub' are common
		 * alternatives.
		 */
		private String userNameAttribute = "cognito:username";

		/**
		 * Whether to call Cognito's /oauth2/userInfo endpoint at sign-in and add its attributes to the user. Off by
		 * default: the ID token already carries the user's attributes and groups.
		 */
		private boolean userInfoEnabled = false;

		/**
		 * Federated identity provider to send users to directly, skipping Cognito's own login page (the
		 * identity_provider parameter), e.g. Google, SignInWithApple or the name of a SAML provider.
		 */
		private String identityProvider;

		/**
		 * Language of the managed login pages (the lang parameter), e.g. fr or pt-BR.
		 */
		private String lang;

		/**
		 * Resource indicator (RFC 8707, the resource parameter): Cognito then issues an access token whose aud is
		 * this resource server identifier.
		 */
		private String resource;

		/**
		 * Further parameters added to every authorize request. Parameters that the login flow sets itself
		 * (client_id, redirect_uri, state, nonce, PKCE...) are rejected.
		 */
		private java.util.Map<String, String> authorizationParameters = new java.util.LinkedHashMap<>();

		/**
		 * Where to send the browser when sign-in fails (the user declines, Cognito reports an error, the response
		 * cannot be verified); the OAuth error code is added as the 'error' query parameter. The page must be
		 * reachable without being signed in. Default: a built-in error page.
		 */
		private String failureUrl;

		/**
		 * Where to send a signed-in browser user who lacks the authority a page needs (a 403). Default: a
		 * built-in 403 page.
		 */
		private String forbiddenUrl;

		/**
		 * Connect and read timeout of the calls the application makes to Cognito for browser sessions: token,
		 * userInfo and revocation endpoints. The JWKS fetch uses cognito.resource-server.jwks.* (one key set for login
		 * and bearer tokens). A number without a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration timeout = java.time.Duration.ofSeconds(10);

		/**
		 * Whether a browser session follows Cognito: once the session's access or ID token has expired, the next
		 * request refreshes the tokens (the new ID token's groups become the user's authorities), and a refresh
		 * Cognito refuses (refresh token revoked, user disabled or signed out everywhere) ends the session. Off, a
		 * session keeps the authorities of its sign-in until the HTTP session ends.
		 */
		private boolean sessionFollowsTokens = true;

		/**
		 * Absolute lifetime of a browser session, from sign-in: after it the user must sign in again, whatever the
		 * refresh token. Default: none (the session lasts as long as the HTTP session and the refresh token). A
		 * number without a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration sessionMaxLifetime;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public String getRedirectUri() {
			return this.redirectUri;
		}

		public void setRedirectUri(String redirectUri) {
			this.redirectUri = redirectUri;
		}

		public ClientAuthenticationMethod getClientAuthenticationMethod() {
			return this.clientAuthenticationMethod;
		}

		public void setClientAuthenticationMethod(ClientAuthenticationMethod clientAuthenticationMethod) {
			this.clientAuthenticationMethod = clientAuthenticationMethod;
		}

		public boolean isPkce() {
			return this.pkce;
		}

		public void setPkce(boolean pkce) {
			this.pkce = pkce;
		}

		public String getUserNameAttribute() {
			return this.userNameAttribute;
		}

		public void setUserNameAttribute(String userNameAttribute) {
			this.userNameAttribute = userNameAttribute;
		}

		public boolean isUserInfoEnabled() {
			return this.userInfoEnabled;
		}

		public void setUserInfoEnabled(boolean userInfoEnabled) {
			this.userInfoEnabled = userInfoEnabled;
		}

		public String getIdentityProvider() {
			return this.identityProvider;
		}

		public void setIdentityProvider(String identityProvider) {
			this.identityProvider = identityProvider;
		}

		public String getLang() {
			return this.lang;
		}

		public void setLang(String lang) {
			this.lang = lang;
		}

		public String getResource() {
			return this.resource;
		}

		public void setResource(String resource) {
			this.resource = resource;
		}

		public java.util.Map<String, String> getAuthorizationParameters() {
			return this.authorizationParameters;
		}

		public void setAuthorizationParameters(java.util.Map<String, String> authorizationParameters) {
			this.authorizationParameters = authorizationParameters;
		}

		public String getFailureUrl() {
			return this.failureUrl;
		}

		public void setFailureUrl(String failureUrl) {
			this.failureUrl = failureUrl;
		}

		public String getForbiddenUrl() {
			return this.forbiddenUrl;
		}

		public void setForbiddenUrl(String forbiddenUrl) {
			this.forbiddenUrl = forbiddenUrl;
		}

		public java.time.Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(java.time.Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isSessionFollowsTokens() {
			return this.sessionFollowsTokens;
		}

		public void setSessionFollowsTokens(boolean sessionFollowsTokens) {
			this.sessionFollowsTokens = sessionFollowsTokens;
		}

		public java.time.Duration getSessionMaxLifetime() {
			return this.sessionMaxLifetime;
		}

		public void setSessionMaxLifetime(java.time.Duration sessionMaxLifetime) {
			this.sessionMaxLifetime = sessionMaxLifetime;
		}

	}

	/**
	 * Logout through Cognito's /logout endpoint.
	 */
	public static class Logout {

		/**
		 * Where Cognito sends the browser after logout (its logout_uri parameter); must be one of the app client's
		 * allowed sign-out URLs. Resolved against the request's base URL; never taken from a request parameter.
		 * Must be https, except for http://localhost.
		 */
		private String logoutUri = "{baseUrl}/";

		/**
		 * Whether logout revokes the session's refresh token at Cognito's /oauth2/revoke endpoint, so it cannot
		 * mint new tokens afterwards. A failed revocation is logged and does not stop the logout.
		 */
		private boolean revokeRefreshToken = true;

		public String getLogoutUri() {
			return this.logoutUri;
		}

		public void setLogoutUri(String logoutUri) {
			this.logoutUri = logoutUri;
		}

		public boolean isRevokeRefreshToken() {
			return this.revokeRefreshToken;
		}

		public void setRevokeRefreshToken(boolean revokeRefreshToken) {
			this.revokeRefreshToken = revokeRefreshToken;
		}

	}

	/**
	 * Machine-to-machine calls: access tokens from the OAuth 2.0 client credentials grant.
	 */
	private final ClientCredentials clientCredentials = new ClientCredentials();

	public ClientCredentials getClientCredentials() {
		return this.clientCredentials;
	}

	/**
	 * Machine-to-machine (M2M) clients: the application gets access tokens for custom scopes with an app client's id
	 * and secret, and sends them to other APIs. The values directly under {@code cognito.client-credentials} describe
	 * the default client; {@code cognito.client-credentials.clients.<name>} adds named clients, each inheriting every
	 * value it does not set from the default client except base-url.
	 */
	// java.time and java.util.Map types are fully qualified so that this group's changes stay inside the group.
	public static class ClientCredentials {

		/**
		 * Whether machine-to-machine clients are set up. Default: on when cognito.client-credentials.client-id,
		 * client-secret, scopes, base-url or a named client is set.
		 */
		private Boolean enabled;

		/**
		 * Id of the machine-to-machine app client (one with the client credentials grant, which Cognito does not allow
		 * on an app client that has the authorization code grant). Default: cognito.client-id.
		 */
		private String clientId;

		/**
		 * Secret of the machine-to-machine app client. Required: the client credentials grant works only for
		 * confidential app clients. Default: cognito.client-secret, when the client id is cognito.client-id too. Never
		 * logged.
		 */
		private String clientSecret;

		/**
		 * Custom scopes to request, e.g. orders-api/read. Cognito grants only custom scopes
		 * (&lt;resource-server&gt;/&lt;scope&gt;) with this grant; built-in scopes such as openid or email are
		 * rejected. Empty: Cognito grants every custom scope the app client allows.
		 */
		private List<String> scopes = new ArrayList<>();

		/**
		 * How the app client authenticates at Cognito's token endpoint: client-secret-basic (HTTP Basic header) or
		 * client-secret-post (form parameters).
		 */
		private ClientAuthenticationMethod clientAuthenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

		/**
		 * How long before its expiry a cached access token is replaced by a new one. A number without a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration expiryMargin = java.time.Duration.ofSeconds(60);

		/**
		 * Connect timeout of requests to Cognito's token endpoint. A number without a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration tokenConnectTimeout = java.time.Duration.ofSeconds(5);

		/**
		 * Read timeout of requests to Cognito's token endpoint. A number without a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration tokenReadTimeout = java.time.Duration.ofSeconds(10);

		/**
		 * How long calls fail fast, with the last error, after a failed token request (5xx, timeout, invalid_client...)
		 * before Cognito is asked again. Doubles with each failure in a row up to token-failure-backoff-max, minus a
		 * random part of up to half (jitter); a token request that succeeds resets it. At least 100ms. A number without
		 * a unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration tokenFailureBackoff = java.time.Duration.ofSeconds(1);

		/**
		 * Longest back-off after failed token requests in a row. At least token-failure-backoff. A number without a
		 * unit is seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration tokenFailureBackoffMax = java.time.Duration.ofSeconds(30);

		/**
		 * Base URL of the API the default client calls, e.g. https://orders.example.com, used by the pre-built
		 * cognitoRestClient. Not inherited by named clients. A placeholder that cannot be resolved at start-up, such
		 * as ${local.server.port}, is resolved at the first call.
		 */
		private String baseUrl;

		/**
		 * Origins (scheme, host and port, e.g. https://reports.example.com) that receive the default client's token,
		 * besides the origin of base-url. A request to any other origin goes out without the token, and the first one
		 * to each origin is logged as a warning. Without base-url and token-origins the token goes nowhere. Not
		 * inherited by named clients; setting it alone does not switch machine-to-machine clients on.
		 */
		private List<String> tokenOrigins = new ArrayList<>();

		/**
		 * Further named machine-to-machine clients, e.g. cognito.client-credentials.clients.inventory.scopes. Each
		 * takes the same keys as the default client and inherits the values it does not set, except base-url.
		 */
		private final java.util.Map<String, Client> clients = new java.util.LinkedHashMap<>();

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

		public java.time.Duration getExpiryMargin() {
			return this.expiryMargin;
		}

		public void setExpiryMargin(java.time.Duration expiryMargin) {
			this.expiryMargin = expiryMargin;
		}

		public java.time.Duration getTokenConnectTimeout() {
			return this.tokenConnectTimeout;
		}

		public void setTokenConnectTimeout(java.time.Duration tokenConnectTimeout) {
			this.tokenConnectTimeout = tokenConnectTimeout;
		}

		public java.time.Duration getTokenReadTimeout() {
			return this.tokenReadTimeout;
		}

		public void setTokenReadTimeout(java.time.Duration tokenReadTimeout) {
			this.tokenReadTimeout = tokenReadTimeout;
		}

		public java.time.Duration getTokenFailureBackoff() {
			return this.tokenFailureBackoff;
		}

		public void setTokenFailureBackoff(java.time.Duration tokenFailureBackoff) {
			this.tokenFailureBackoff = tokenFailureBackoff;
		}

		public java.time.Duration getTokenFailureBackoffMax() {
			return this.tokenFailureBackoffMax;
		}

		public void setTokenFailureBackoffMax(java.time.Duration tokenFailureBackoffMax) {
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

		public java.util.Map<String, Client> getClients() {
			return this.clients;
		}

		/**
		 * A named machine-to-machine client. Every value left unset is taken from the default client
		 * (cognito.client-credentials.*), except base-url.
		 */
		public static class Client {

			/**
			 * Id of the app client. Default: the default client's id.
			 */
			private String clientId;

			/**
			 * Secret of the app client. Default: the default client's secret, when the client id is inherited too.
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
			 * How long before expiry a cached token is replaced. Default: the default client's. A number without a unit is seconds.
			 */
			@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
			private java.time.Duration expiryMargin;

			/**
			 * Connect timeout of token requests. Default: the default client's. A number without a unit is seconds.
			 */
			@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
			private java.time.Duration tokenConnectTimeout;

			/**
			 * Read timeout of token requests. Default: the default client's. A number without a unit is seconds.
			 */
			@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
			private java.time.Duration tokenReadTimeout;

			/**
			 * Back-off after a failed token request. Default: the default client's. A number without a unit is
			 * seconds.
			 */
			@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
			private java.time.Duration tokenFailureBackoff;

			/**
			 * Longest back-off after failed token requests. Default: the default client's. A number without a unit is
			 * seconds.
			 */
			@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
			private java.time.Duration tokenFailureBackoffMax;

			/**
			 * Base URL of the API this client calls. Not inherited. A placeholder that cannot be resolved at start-up,
			 * such as ${local.server.port}, is resolved at the first call.
			 */
			private String baseUrl;

			/**
			 * Origins that receive this client's token besides the origin of its base-url. Not inherited.
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

			public java.time.Duration getExpiryMargin() {
				return this.expiryMargin;
			}

			public void setExpiryMargin(java.time.Duration expiryMargin) {
				this.expiryMargin = expiryMargin;
			}

			public java.time.Duration getTokenConnectTimeout() {
				return this.tokenConnectTimeout;
			}

			public void setTokenConnectTimeout(java.time.Duration tokenConnectTimeout) {
				this.tokenConnectTimeout = tokenConnectTimeout;
			}

			public java.time.Duration getTokenReadTimeout() {
				return this.tokenReadTimeout;
			}

			public void setTokenReadTimeout(java.time.Duration tokenReadTimeout) {
				this.tokenReadTimeout = tokenReadTimeout;
			}

			public java.time.Duration getTokenFailureBackoff() {
				return this.tokenFailureBackoff;
			}

			public void setTokenFailureBackoff(java.time.Duration tokenFailureBackoff) {
				this.tokenFailureBackoff = tokenFailureBackoff;
			}

			public java.time.Duration getTokenFailureBackoffMax() {
				return this.tokenFailureBackoffMax;
			}

			public void setTokenFailureBackoffMax(java.time.Duration tokenFailureBackoffMax) {
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

}
