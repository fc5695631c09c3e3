package io.github.cognitosso.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pool-wide {@code cognito.*} settings: which user pool, which domain, which app
 * client, the endpoint overrides and the authorities mapping. Each feature binds its own
 * settings next to its auto-configuration: {@code CognitoResourceServerProperties}
 * ({@code cognito.resource-server.*}), {@code CognitoLoginProperties}
 * ({@code cognito.login.*}), {@code CognitoLogoutProperties} ({@code cognito.logout.*})
 * and {@code CognitoClientCredentialsProperties} ({@code cognito.client-credentials.*}).
 * <p>
 * Three properties are enough for most applications ({@code user-pool-id},
 * {@code domain}, {@code client-id}); everything else has a Cognito-correct default.
 * Every URL is derived from these (see {@link CognitoEndpoints}); the overrides exist for
 * local emulators and tests.
 */
@ConfigurationProperties("cognito")
public class CognitoProperties {

	/**
	 * Whether the Cognito starter is active. When false (or when no user pool id is set)
	 * it backs off completely.
	 */
	private boolean enabled = true;

	/**
	 * AWS region of the user pool, e.g. us-east-2. Derived from the user pool id when not
	 * set; an explicit value must match the pool id.
	 */
	private String region;

	/**
	 * Id of the Cognito user pool, e.g. us-east-2_mLoGHJpOs. Required: without it the
	 * starter backs off.
	 */
	private String userPoolId;

	/**
	 * The user pool's domain: a Cognito domain prefix (my-app), a custom domain host name
	 * (auth.example.com), or a full base URL (https://auth.example.com, or
	 * http://localhost:9229 for a local emulator). Needed for browser login, logout,
	 * token revocation and the client credentials grant.
	 */
	private String domain;

	/**
	 * Issuer type of the user pool: 'original'
	 * (https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool&gt;) or 'multi-region'
	 * (https://issuer-cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool&gt;).
	 */
	private IssuerType issuerType = IssuerType.ORIGINAL;

	/**
	 * Id of the app client used for browser login and accepted in access tokens'
	 * client_id claim.
	 */
	private String clientId;

	/**
	 * Secret of the app client, for confidential clients. Leave empty for a public client
	 * (PKCE only). Never logged.
	 */
	private String clientSecret;

	/**
	 * Scopes requested at login. Cognito's built-in scopes are openid, email, phone,
	 * profile and aws.cognito.signin.user.admin; custom scopes look like
	 * &lt;resource-server&gt;/&lt;scope&gt;. Do not add offline_access: Cognito rejects
	 * it and always issues a refresh token anyway.
	 */
	private List<String> scopes = new ArrayList<>(List.of("openid", "email", "profile"));

	/**
	 * Override of the issuer (the tokens' iss claim), e.g.
	 * http://localhost:9229/local_abc12345 for cognito-local. Also moves the discovery
	 * and JWKS URLs, unless those are overridden too.
	 */
	private String issuerUri;

	/**
	 * Override of the JSON Web Key Set URL. Default:
	 * &lt;issuer&gt;/.well-known/jwks.json.
	 */
	private String jwkSetUri;

	/**
	 * Overrides of single derived endpoints, for emulators and tests.
	 */
	private final Endpoints endpoints = new Endpoints();

	/**
	 * How Cognito groups and scopes become Spring Security authorities, for bearer tokens
	 * and browser login alike.
	 */
	private final Authorities authorities = new Authorities();

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
	 * Overrides of single derived URLs. Normally all of them follow from the pool id and
	 * domain.
	 */
	public static class Endpoints {

		/**
		 * Override of the OpenID discovery document URL. Default:
		 * &lt;issuer&gt;/.well-known/openid-configuration. Never fetched at start-up.
		 */
		private String discoveryUri;

		/**
		 * Override of the authorization endpoint. Default:
		 * &lt;domain&gt;/oauth2/authorize.
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
		 * Override of the token revocation endpoint. Default:
		 * &lt;domain&gt;/oauth2/revoke.
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
		 * Prefix of the authority made from each group; the default makes
		 * hasRole('admin') match group 'admin'.
		 */
		private String groupPrefix = "ROLE_";

		/**
		 * Case applied to group names before the prefix is added.
		 */
		private GroupCase groupCase = GroupCase.UNCHANGED;

		/**
		 * Prefix of the authority made from each scope; the default makes
		 * hasAuthority('SCOPE_orders/read') match scope 'orders/read'.
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

}
