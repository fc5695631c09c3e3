package io.github.cognitosso.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every URL of an Amazon Cognito user pool, derived from its region, pool id and domain
 * without any network call.
 * <p>
 * Cognito publishes everything at fixed places: the issuer is
 * {@code https://cognito-idp.<region>.amazonaws.com/<pool>} (or
 * {@code https://issuer-cognito-idp...} for pools on the multi-Region issuer type),
 * discovery and JWKS hang off the issuer, and the OAuth endpoints hang off the pool's
 * domain. Deriving them keeps start-up independent of Cognito's availability (discovery
 * at start-up is the classic cause of apps that cannot boot when the IdP is slow). Each
 * URL can be overridden, for local emulators and tests.
 * <p>
 * Immutable and free of Spring types, so reactive and servlet auto-configurations can
 * share it. Built with {@link #builder()}; {@link Builder#build()} throws
 * {@link CognitoConfigurationException} naming the property at fault.
 */
public final class CognitoEndpoints {

	/**
	 * {@code <region>_<id>}; AWS's own API pattern for a pool id is
	 * {@code [\w-]+_[0-9a-zA-Z]+}.
	 */
	private static final Pattern USER_POOL_ID = Pattern.compile("([a-z0-9-]+)_([0-9A-Za-z]+)");

	/**
	 * AWS region names: {@code us-east-2}, {@code us-gov-west-1}, {@code cn-north-1},
	 * {@code eusc-de-east-1}.
	 */
	private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

	/**
	 * Cognito prefix domains: lowercase letters, digits and hyphens, not starting or
	 * ending with a hyphen.
	 */
	private static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern HOST_NAME = Pattern.compile(
			"(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final List<String> RESERVED_PREFIX_WORDS = List.of("aws", "amazon", "cognito");

	private final String userPoolId;

	private final String region;

	private final IssuerType issuerType;

	private final URI issuer;

	private final List<URI> acceptedIssuers;

	private final URI discovery;

	private final URI jwkSet;

	private final URI domain;

	private final URI authorization;

	private final URI token;

	private final URI userInfo;

	private final URI revocation;

	private final URI logout;

	private CognitoEndpoints(Builder b, String region, URI issuer, List<URI> acceptedIssuers, URI domain) {
		this.userPoolId = b.userPoolId;
		this.region = region;
		this.issuerType = b.issuerType;
		this.issuer = issuer;
		this.acceptedIssuers = acceptedIssuers;
		this.discovery = (b.discoveryUri != null) ? b.discoveryUri
				: append(issuer, "/.well-known/openid-configuration");
		this.jwkSet = (b.jwkSetUri != null) ? b.jwkSetUri : append(issuer, "/.well-known/jwks.json");
		this.domain = domain;
		this.authorization = orDomain(b.authorizationUri, domain, "/oauth2/authorize");
		this.token = orDomain(b.tokenUri, domain, "/oauth2/token");
		this.userInfo = orDomain(b.userInfoUri, domain, "/oauth2/userInfo");
		this.revocation = orDomain(b.revocationUri, domain, "/oauth2/revoke");
		this.logout = orDomain(b.logoutUri, domain, "/logout");
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @return the user pool id, e.g. {@code us-east-2_mLoGHJpOs}
	 */
	public String userPoolId() {
		return this.userPoolId;
	}

	/**
	 * @return the AWS region of the pool, or empty when only an issuer override locates
	 * it (local emulators)
	 */
	public Optional<String> region() {
		return Optional.ofNullable(this.region);
	}

	public IssuerType issuerType() {
		return this.issuerType;
	}

	/**
	 * @return the issuer the pool writes into {@code iss} (for its configured issuer
	 * type, or the override)
	 */
	public URI issuer() {
		return this.issuer;
	}

	/**
	 * @return every issuer a token of this pool may carry: both Cognito forms (original
	 * first, then multi-Region) for a derived issuer, because a pool switching issuer
	 * type has tokens of both kinds in flight; only the override when
	 * {@code cognito.issuer-uri} is set
	 */
	public List<URI> acceptedIssuers() {
		return this.acceptedIssuers;
	}

	public URI discovery() {
		return this.discovery;
	}

	public URI jwkSet() {
		return this.jwkSet;
	}

	/**
	 * @return the base URL of the pool's domain (prefix, custom or overridden), if a
	 * domain is configured
	 */
	public Optional<URI> domain() {
		return Optional.ofNullable(this.domain);
	}

	public Optional<URI> authorization() {
		return Optional.ofNullable(this.authorization);
	}

	public Optional<URI> token() {
		return Optional.ofNullable(this.token);
	}

	public Optional<URI> userInfo() {
		return Optional.ofNullable(this.userInfo);
	}

	public Optional<URI> revocation() {
		return Optional.ofNullable(this.revocation);
	}

	/**
	 * @return Cognito's {@code /logout} endpoint, which ends the hosted-UI session (not
	 * the OIDC end-session one)
	 */
	public Optional<URI> logout() {
		return Optional.ofNullable(this.logout);
	}

	@Override
	public String toString() {
		return "CognitoEndpoints{userPoolId=" + this.userPoolId + ", issuer=" + this.issuer + ", domain=" + this.domain
				+ "}";
	}

	private static URI orDomain(URI override, URI domain, String path) {
		if (override != null) {
			return override;
		}
		return (domain != null) ? append(domain, path) : null;
	}

	private static URI append(URI base, String path) {
		return URI.create(stripTrailingSlashes(base.toString()) + path);
	}

	private static String stripTrailingSlashes(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == '/') {
			end--;
		}
		return value.substring(0, end);
	}

	/**
	 * Which issuer form a pool writes into its tokens. AWS calls them the "original" and
	 * the "updated" (multi-Region) issuer types.
	 */
	public enum IssuerType {

		/** {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>}. */
		ORIGINAL("cognito-idp"),

		/** {@code https://issuer-cognito-idp.<region>.amazonaws.com/<userPoolId>}. */
		MULTI_REGION("issuer-cognito-idp");

		private final String hostPrefix;

		IssuerType(String hostPrefix) {
			this.hostPrefix = hostPrefix;
		}

		URI issuerFor(String region, String userPoolId) {
			return URI
				.create("https://" + this.hostPrefix + "." + region + "." + awsDomainSuffix(region) + "/" + userPoolId);
		}

	}

	/**
	 * AWS's China partition lives under {@code amazonaws.com.cn}; every other partition
	 * under {@code amazonaws.com}.
	 */
	static String awsDomainSuffix(String region) {
		return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
	}

	/**
	 * Host of a prefix domain: {@code auth.<region>.amazoncognito.com}; GovCloud serves
	 * only FIPS endpoints ({@code auth-fips}); the China partition adds {@code .cn}.
	 */
	static String prefixDomainHost(String prefix, String region) {
		String auth = region.startsWith("us-gov-") ? "auth-fips" : "auth";
		String suffix = region.startsWith("cn-") ? "amazoncognito.com.cn" : "amazoncognito.com";
		return prefix + "." + auth + "." + region + "." + suffix;
	}

	/**
	 * True for the hosts Cognito (and browsers) treat as local: plain HTTP is allowed
	 * only there.
	 */
	public static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
	}

	/**
	 * Collects the raw settings. Each setter takes the value as the user wrote it;
	 * {@link #build()} validates everything and reports the first problem with the
	 * property it came from.
	 */
	public static final class Builder {

		private String userPoolId;

		private String region;

		private String domainValue;

		private IssuerType issuerType = IssuerType.ORIGINAL;

		private URI issuerUri;

		private URI jwkSetUri;

		private URI discoveryUri;

		private URI authorizationUri;

		private URI tokenUri;

		private URI userInfoUri;

		private URI revocationUri;

		private URI logoutUri;

		private Builder() {
		}

		/** {@code cognito.user-pool-id}. */
		public Builder userPoolId(String userPoolId) {
			this.userPoolId = trimToNull(userPoolId);
			return this;
		}

		/** {@code cognito.region}: optional, derived from the pool id. */
		public Builder region(String region) {
			this.region = trimToNull(region);
			return this;
		}

		/**
		 * {@code cognito.domain}: a prefix ({@code my-app}), a custom domain host, or a
		 * full URL.
		 */
		public Builder domain(String domain) {
			this.domainValue = trimToNull(domain);
			return this;
		}

		/** {@code cognito.issuer-type}. */
		public Builder issuerType(IssuerType issuerType) {
			this.issuerType = (issuerType != null) ? issuerType : IssuerType.ORIGINAL;
			return this;
		}

		/**
		 * {@code cognito.issuer-uri}: also moves the discovery and JWKS URLs unless those
		 * are overridden too.
		 */
		public Builder issuerUri(String issuerUri) {
			this.issuerUri = parseOverride("cognito.issuer-uri", issuerUri);
			return this;
		}

		/** {@code cognito.jwk-set-uri}. */
		public Builder jwkSetUri(String jwkSetUri) {
			this.jwkSetUri = parseOverride("cognito.jwk-set-uri", jwkSetUri);
			return this;
		}

		/** {@code cognito.endpoints.discovery-uri}. */
		public Builder discoveryUri(String uri) {
			this.discoveryUri = parseOverride("cognito.endpoints.discovery-uri", uri);
			return this;
		}

		/** {@code cognito.endpoints.authorization-uri}. */
		public Builder authorizationUri(String uri) {
			this.authorizationUri = parseOverride("cognito.endpoints.authorization-uri", uri);
			return this;
		}

		/** {@code cognito.endpoints.token-uri}. */
		public Builder tokenUri(String uri) {
			this.tokenUri = parseOverride("cognito.endpoints.token-uri", uri);
			return this;
		}

		/** {@code cognito.endpoints.user-info-uri}. */
		public Builder userInfoUri(String uri) {
			this.userInfoUri = parseOverride("cognito.endpoints.user-info-uri", uri);
			return this;
		}

		/** {@code cognito.endpoints.revocation-uri}. */
		public Builder revocationUri(String uri) {
			this.revocationUri = parseOverride("cognito.endpoints.revocation-uri", uri);
			return this;
		}

		/** {@code cognito.endpoints.logout-uri}: Cognito's {@code /logout} endpoint. */
		public Builder logoutUri(String uri) {
			this.logoutUri = parseOverride("cognito.endpoints.logout-uri", uri);
			return this;
		}

		/**
		 * @return the derived endpoints
		 * @throws CognitoConfigurationException naming the first property that cannot
		 * work
		 */
		public CognitoEndpoints build() {
			if (this.userPoolId == null) {
				throw new CognitoConfigurationException("cognito.user-pool-id", null, "no user pool id is set.",
						"Set cognito.user-pool-id to your pool's id (for example us-east-2_mLoGHJpOs), "
								+ "shown on the user pool's overview page in the Amazon Cognito console.");
			}
			Matcher pool = USER_POOL_ID.matcher(this.userPoolId);
			if (!pool.matches()) {
				throw new CognitoConfigurationException("cognito.user-pool-id", this.userPoolId,
						"a user pool id has the form <region>_<id>, for example us-east-2_mLoGHJpOs.",
						"Copy the pool id from the Amazon Cognito console (User pools > your pool > Overview).");
			}
			String poolRegion = pool.group(1);
			boolean awsPool = REGION.matcher(poolRegion).matches();
			String resolvedRegion = resolveRegion(poolRegion, awsPool);
			URI issuer;
			List<URI> accepted;
			if (this.issuerUri != null) {
				issuer = URI.create(stripTrailingSlashes(this.issuerUri.toString()));
				accepted = List.of(issuer);
			}
			else {
				if (resolvedRegion == null) {
					throw new CognitoConfigurationException("cognito.user-pool-id", this.userPoolId,
							"'" + poolRegion + "' is not an AWS region, so the issuer cannot be derived "
									+ "(pools of local emulators such as cognito-local are named like this).",
							"For a local emulator set cognito.issuer-uri to its issuer, for example "
									+ "http://localhost:9229/" + this.userPoolId
									+ "; for AWS use the pool id shown in the Amazon Cognito console.");
				}
				URI original = IssuerType.ORIGINAL.issuerFor(resolvedRegion, this.userPoolId);
				URI multiRegion = IssuerType.MULTI_REGION.issuerFor(resolvedRegion, this.userPoolId);
				issuer = (this.issuerType == IssuerType.MULTI_REGION) ? multiRegion : original;
				accepted = List.of(original, multiRegion);
			}
			URI domain = resolveDomain(resolvedRegion);
			return new CognitoEndpoints(this, resolvedRegion, issuer, accepted, domain);
		}

		private String resolveRegion(String poolRegion, boolean awsPool) {
			if (this.region != null) {
				if (!REGION.matcher(this.region).matches()) {
					throw new CognitoConfigurationException("cognito.region", this.region,
							"this is not an AWS region name.",
							"Use a region code such as us-east-2 or eu-west-1, or remove cognito.region: "
									+ "it is derived from cognito.user-pool-id.");
				}
				if (awsPool && !this.region.equals(poolRegion)) {
					throw new CognitoConfigurationException("cognito.region", this.region,
							"user pool " + this.userPoolId + " lives in region " + poolRegion
									+ " (a pool id starts with its region).",
							"Remove cognito.region (it is derived from the pool id) or set it to " + poolRegion + ".");
				}
				return awsPool ? poolRegion : this.region;
			}
			return awsPool ? poolRegion : null;
		}

		private URI resolveDomain(String resolvedRegion) {
			String value = this.domainValue;
			if (value == null) {
				return null;
			}
			if (value.contains("://")) {
				return parseDomainUrl(value);
			}
			if (value.contains(".")) {
				if (!HOST_NAME.matcher(value).matches()) {
					throw new CognitoConfigurationException("cognito.domain", value,
							"this is neither a domain prefix nor a valid host name.",
							"Use the prefix of a Cognito domain (my-app), your custom domain's host name "
									+ "(auth.example.com) or a full https:// URL.");
				}
				return URI.create("https://" + value.toLowerCase(Locale.ROOT));
			}
			if (!DOMAIN_PREFIX.matcher(value).matches()) {
				throw new CognitoConfigurationException("cognito.domain", value,
						"a Cognito domain prefix may contain only lowercase letters, digits and hyphens, "
								+ "and may not start or end with a hyphen.",
						"Use the prefix exactly as shown under App integration > Domain in the Amazon Cognito "
								+ "console, for example my-app.");
			}
			for (String word : RESERVED_PREFIX_WORDS) {
				if (value.contains(word)) {
					throw new CognitoConfigurationException("cognito.domain", value,
							"Cognito domain prefixes may not contain the reserved words aws, amazon or cognito ('"
									+ word + "' found), so no pool can have this domain.",
							"Use the prefix exactly as shown in the Amazon Cognito console, "
									+ "or set cognito.domain to the full URL of the domain.");
				}
			}
			if (resolvedRegion == null) {
				throw new CognitoConfigurationException("cognito.domain", value,
						"a domain prefix needs an AWS region, and none can be derived from cognito.user-pool-id "
								+ this.userPoolId + ".",
						"Set cognito.domain to the full base URL of the emulator or domain, for example "
								+ "http://localhost:9229.");
			}
			return URI.create("https://" + prefixDomainHost(value, resolvedRegion));
		}

		private static URI parseDomainUrl(String value) {
			URI uri;
			try {
				uri = new URI(stripTrailingSlashes(value));
			}
			catch (URISyntaxException ex) {
				throw new CognitoConfigurationException("cognito.domain", value, "this is not a valid URL.",
						"Use a full URL such as https://auth.example.com, a host name or a domain prefix.");
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
				throw new CognitoConfigurationException("cognito.domain", value,
						"a domain URL needs the https scheme and a host.",
						"Use a full URL such as https://auth.example.com.");
			}
			if (scheme.equals("http") && !isLoopbackHost(uri.getHost())) {
				throw new CognitoConfigurationException("cognito.domain", value,
						"Cognito domains are served over HTTPS only; plain http is accepted for localhost "
								+ "(local emulators and tests).",
						"Use https://" + uri.getRawAuthority() + ".");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new CognitoConfigurationException("cognito.domain", value,
						"a domain URL may not have a query or a fragment.",
						"Use only the scheme, host, port and optional base path, for example https://auth.example.com.");
			}
			return uri;
		}

		private static URI parseOverride(String property, String value) {
			String v = trimToNull(value);
			if (v == null) {
				return null;
			}
			try {
				URI uri = new URI(v);
				if (uri.getHost() != null && uri.getScheme() != null
						&& (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
					return uri;
				}
			}
			catch (URISyntaxException ex) {
				// reported below with the property name
			}
			throw new CognitoConfigurationException(property, v, "this is not an absolute http(s) URL.",
					"Use a full URL such as http://localhost:9229/local_abc12345, or remove the property "
							+ "to derive it from the pool id and domain.");
		}

		private static String trimToNull(String value) {
			if (value == null) {
				return null;
			}
			String trimmed = value.trim();
			return trimmed.isEmpty() ? null : trimmed;
		}

	}

}
