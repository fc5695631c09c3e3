package io.github.cognitosso.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;

import org.springframework.boot.context.properties.ConfigurationProperties;

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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
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
		 * userInfo, JWKS and revocation endpoints. A number without unit means seconds.
		 */
		@org.springframework.boot.convert.DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private java.time.Duration timeout = java.time.Duration.ofSeconds(10);

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

		/**
		 * How a confidential app client authenticates at Cognito's token endpoint.
		 */
		public enum ClientAuthenticationMethod {

			/** HTTP Basic authentication with the client id and secret (Cognito's default). */
			CLIENT_SECRET_BASIC,

			/** client_id and client_secret as form fields of the token request. */
			CLIENT_SECRET_POST

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

}
