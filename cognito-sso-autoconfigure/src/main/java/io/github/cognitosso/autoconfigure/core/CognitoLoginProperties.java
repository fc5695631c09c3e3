package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code cognito.login.*} settings: browser single sign-on through Cognito's managed
 * login pages (hosted UI). The app client is the pool-wide {@code cognito.client-id} and
 * {@code cognito.client-secret}; logout is {@link CognitoLogoutProperties}. Bound by the
 * browser-login auto-configuration of the application's web stack ({@code servlet.login}
 * or {@code reactive.login}).
 */
@ConfigurationProperties("cognito.login")
public class CognitoLoginProperties {

	/**
	 * Whether browser login is on. Default: on when cognito.domain and cognito.client-id
	 * are both set. Setting it to true without a domain is a configuration error.
	 */
	private Boolean enabled;

	/**
	 * Redirect (callback) URI sent to Cognito; must be one of the app client's allowed
	 * callback URLs. Must be https, except for http://localhost.
	 */
	private String redirectUri = "{baseUrl}/login/oauth2/code/{registrationId}";

	/**
	 * How a confidential client (one with cognito.client-secret) authenticates at the
	 * token endpoint: HTTP Basic (client-secret-basic) or form fields
	 * (client-secret-post). A public client (no secret) sends only its client id, with
	 * PKCE.
	 */
	private ClientAuthenticationMethod clientAuthenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

	/**
	 * Whether a confidential client also uses PKCE (S256), as AWS recommends. Public
	 * clients always use it.
	 */
	private boolean pkce = true;

	/**
	 * Claim that names the signed-in user (the principal name). 'cognito:username' is the
	 * user's Cognito user name, which is a UUID when users sign in with their email
	 * address; 'email' or 'sub' are common alternatives.
	 */
	private String userNameAttribute = "cognito:username";

	/**
	 * Whether to call Cognito's /oauth2/userInfo endpoint at sign-in and add its
	 * attributes to the user. Off by default: the ID token already carries the user's
	 * attributes and groups.
	 */
	private boolean userInfoEnabled = false;

	/**
	 * Federated identity provider to send users to directly, skipping Cognito's own login
	 * page (the identity_provider parameter), e.g. Google, SignInWithApple or the name of
	 * a SAML provider.
	 */
	private String identityProvider;

	/**
	 * Language of the managed login pages (the lang parameter), e.g. fr or pt-BR.
	 */
	private String lang;

	/**
	 * Resource indicator (RFC 8707, the resource parameter): Cognito then issues an
	 * access token whose aud is this resource server identifier.
	 */
	private String resource;

	/**
	 * Further parameters added to every authorize request. Parameters that the login flow
	 * sets itself (client_id, redirect_uri, state, nonce, PKCE...) are rejected.
	 */
	private Map<String, String> authorizationParameters = new LinkedHashMap<>();

	/**
	 * Where to send the browser when sign-in fails (the user declines, Cognito reports an
	 * error, the response cannot be verified); the OAuth error code is added as the
	 * 'error' query parameter. The page must be reachable without being signed in.
	 * Default: a built-in error page.
	 */
	private String failureUrl;

	/**
	 * Where to send a signed-in browser user who lacks the authority a page needs (a
	 * 403). Default: a built-in 403 page.
	 */
	private String forbiddenUrl;

	/**
	 * Connect and read timeout of the calls the application makes to Cognito for browser
	 * sessions: token, userInfo and revocation endpoints. The JWKS fetch uses
	 * cognito.resource-server.jwks.* (one key set for login and bearer tokens). A number
	 * without a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Whether a browser session follows Cognito: once the session's access or ID token
	 * has expired, the next request refreshes the tokens (the new ID token's groups
	 * become the user's authorities), and a refresh Cognito refuses (refresh token
	 * revoked, user disabled or signed out everywhere) ends the session. Off, a session
	 * keeps the authorities of its sign-in until the HTTP session ends.
	 */
	private boolean sessionFollowsTokens = true;

	/**
	 * Absolute lifetime of a browser session, from sign-in: after it the user must sign
	 * in again, whatever the refresh token. Default: none (the session lasts as long as
	 * the HTTP session and the refresh token). A number without a unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration sessionMaxLifetime;

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

	public Map<String, String> getAuthorizationParameters() {
		return this.authorizationParameters;
	}

	public void setAuthorizationParameters(Map<String, String> authorizationParameters) {
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

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public boolean isSessionFollowsTokens() {
		return this.sessionFollowsTokens;
	}

	public void setSessionFollowsTokens(boolean sessionFollowsTokens) {
		this.sessionFollowsTokens = sessionFollowsTokens;
	}

	public Duration getSessionMaxLifetime() {
		return this.sessionMaxLifetime;
	}

	public void setSessionMaxLifetime(Duration sessionMaxLifetime) {
		this.sessionMaxLifetime = sessionMaxLifetime;
	}

}
