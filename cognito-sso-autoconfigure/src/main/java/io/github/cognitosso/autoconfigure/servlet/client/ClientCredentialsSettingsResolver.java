package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import io.github.cognitosso.autoconfigure.core.CognitoScopes;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsProperties.Client;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns {@code cognito.client-credentials.*} into validated
 * {@link ClientCredentialsSettings}: named clients inherit from the default client, which
 * inherits its id and secret from {@code cognito.client-id} and
 * {@code cognito.client-secret}. Every setting Cognito would reject at the first token
 * request fails here, at start-up, with a {@link CognitoConfigurationException} naming
 * the property (never showing a secret).
 */
final class ClientCredentialsSettingsResolver {

	private static final Log logger = LogFactory.getLog(ClientCredentialsSettingsResolver.class);

	private static final String PREFIX = "cognito.client-credentials.";

	/**
	 * Cognito's built-in scopes: they belong to users, and Cognito refuses them in the
	 * client credentials grant.
	 */
	private static final Set<String> BUILT_IN_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	/**
	 * The JSON libraries Spring Security can read a token response with (its
	 * HttpMessageConverters' list).
	 */
	private static final List<String> JSON_LIBRARIES = List.of("tools.jackson.databind.json.JsonMapper",
			"com.fasterxml.jackson.databind.ObjectMapper", "com.google.gson.Gson", "jakarta.json.bind.Jsonb");

	private static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(60);

	private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(1);

	private static final Duration DEFAULT_FAILURE_BACKOFF_MAX = Duration.ofSeconds(30);

	/**
	 * Below this a back-off no longer spares Cognito, or the pool's request quota, an
	 * outage's worth of requests.
	 */
	private static final Duration MIN_FAILURE_BACKOFF = Duration.ofMillis(100);

	private ClientCredentialsSettingsResolver() {
	}

	/**
	 * M2M is on when asked for, or by default when anything under
	 * {@code cognito.client-credentials} is set.
	 */
	static boolean isActive(CognitoClientCredentialsProperties group) {
		if (group.getEnabled() != null) {
			return group.getEnabled();
		}
		return hasOwnValues(group) || !group.getClients().isEmpty();
	}

	/**
	 * The default client exists when its own values are set, or when no named client is:
	 * an application that configures only named clients gets no unnamed one it never
	 * asked for.
	 */
	static boolean hasDefaultClient(CognitoClientCredentialsProperties group) {
		return isActive(group) && (hasOwnValues(group) || group.getClients().isEmpty());
	}

	private static boolean hasOwnValues(CognitoClientCredentialsProperties group) {
		return StringUtils.hasText(group.getClientId()) || StringUtils.hasText(group.getClientSecret())
				|| !normalize(group.getScopes()).isEmpty() || StringUtils.hasText(group.getBaseUrl());
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings (the login app client,
	 * inherited by default)
	 * @param group the {@code cognito.client-credentials.*} settings
	 * @param loginEnabled {@code cognito.login.enabled}, or {@code null} when not set
	 * @param endpoints the pool's endpoints (for the token endpoint)
	 * @param classLoader the application's class loader (to find a JSON library)
	 * @return the clients, the default one first, then the named ones in configuration
	 * order; empty when M2M is off
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	static List<ClientCredentialsSettings> resolve(CognitoProperties properties,
			CognitoClientCredentialsProperties group, Boolean loginEnabled, CognitoEndpoints endpoints,
			ClassLoader classLoader) {
		if (!isActive(group)) {
			return List.of();
		}
		URI tokenUri = endpoints.token()
			.orElseThrow(() -> new CognitoConfigurationException("cognito.domain", null,
					"machine-to-machine clients are configured (cognito.client-credentials) but the user pool has no "
							+ "domain, and Cognito's token endpoint lives on that domain.",
					"Set cognito.domain to the pool's domain prefix (my-app) or custom domain (auth.example.com), "
							+ "or cognito.endpoints.token-uri to the token endpoint."));
		requireJsonLibrary(classLoader);
		ClientCredentialsSettings base = resolveDefault(properties, group, tokenUri);
		List<ClientCredentialsSettings> clients = new ArrayList<>();
		if (hasDefaultClient(group)) {
			clients.add(validate(base));
		}
		for (Map.Entry<String, Client> entry : group.getClients().entrySet()) {
			clients.add(validate(resolveNamed(entry.getKey(), entry.getValue(), base, tokenUri)));
		}
		for (ClientCredentialsSettings client : clients) {
			checkNotTheLoginClient(properties, loginEnabled, client);
		}
		return clients;
	}

	private static ClientCredentialsSettings resolveDefault(CognitoProperties properties,
			CognitoClientCredentialsProperties group, URI tokenUri) {
		String clientId = firstText(group.getClientId(), properties.getClientId());
		// The login secret belongs to the login client: inherit it only along with that
		// client's id.
		String secret = StringUtils.hasText(group.getClientSecret()) ? group.getClientSecret().trim()
				: Objects.equals(clientId, trim(properties.getClientId())) ? trim(properties.getClientSecret()) : null;
		return new ClientCredentialsSettings(CognitoClientCredentials.DEFAULT_CLIENT, PREFIX, clientId, secret,
				scopes(group.getScopes(), PREFIX),
				Objects.requireNonNullElse(group.getClientAuthenticationMethod(),
						ClientAuthenticationMethod.CLIENT_SECRET_BASIC),
				Objects.requireNonNullElse(group.getExpiryMargin(), DEFAULT_EXPIRY_MARGIN),
				Objects.requireNonNullElse(group.getTokenConnectTimeout(), DEFAULT_CONNECT_TIMEOUT),
				Objects.requireNonNullElse(group.getTokenReadTimeout(), DEFAULT_READ_TIMEOUT),
				Objects.requireNonNullElse(group.getTokenFailureBackoff(), DEFAULT_FAILURE_BACKOFF),
				Objects.requireNonNullElse(group.getTokenFailureBackoffMax(), DEFAULT_FAILURE_BACKOFF_MAX), tokenUri,
				baseUrl(group.getBaseUrl(), PREFIX), tokenOrigins(group.getTokenOrigins(), PREFIX));
	}

	private static ClientCredentialsSettings resolveNamed(String name, Client client, ClientCredentialsSettings base,
			URI tokenUri) {
		String prefix = PREFIX + "clients." + name + ".";
		if (CognitoClientCredentials.DEFAULT_CLIENT.equals(name)) {
			throw new CognitoConfigurationException(PREFIX + "clients." + name, null,
					"'" + name + "' is the name of the client configured directly under cognito.client-credentials.",
					"Set the default client's values directly under cognito.client-credentials, or give this client "
							+ "another name.");
		}
		String clientId = firstText(client.getClientId(), base.clientId());
		String secret = StringUtils.hasText(client.getClientSecret()) ? client.getClientSecret().trim()
				: Objects.equals(clientId, base.clientId()) ? base.clientSecret() : null;
		List<String> scopes = (client.getScopes() != null) ? scopes(client.getScopes(), prefix) : base.scopes();
		return new ClientCredentialsSettings(name, prefix, clientId, secret, scopes,
				Objects.requireNonNullElse(client.getClientAuthenticationMethod(), base.authenticationMethod()),
				Objects.requireNonNullElse(client.getExpiryMargin(), base.expiryMargin()),
				Objects.requireNonNullElse(client.getTokenConnectTimeout(), base.tokenConnectTimeout()),
				Objects.requireNonNullElse(client.getTokenReadTimeout(), base.tokenReadTimeout()),
				Objects.requireNonNullElse(client.getTokenFailureBackoff(), base.tokenFailureBackoff()),
				Objects.requireNonNullElse(client.getTokenFailureBackoffMax(), base.tokenFailureBackoffMax()), tokenUri,
				baseUrl(client.getBaseUrl(), prefix), tokenOrigins(client.getTokenOrigins(), prefix));
	}

	private static ClientCredentialsSettings validate(ClientCredentialsSettings client) {
		String prefix = client.propertyPrefix();
		if (!StringUtils.hasText(client.clientId())) {
			throw new CognitoConfigurationException(prefix + "client-id", null,
					"machine-to-machine client '" + client.name() + "' has no app client id.",
					"Set " + prefix + "client-id to the id of an app client that has the client credentials grant"
							+ (prefix.equals(PREFIX) ? " (or set cognito.client-id)." : "."));
		}
		if (!StringUtils.hasText(client.clientSecret())) {
			// No value shown: this property holds a secret.
			throw new CognitoConfigurationException(prefix + "client-secret", null,
					"machine-to-machine client '" + client.name() + "' (app client " + client.clientId()
							+ ") has no client secret, and Cognito grants client credentials only to confidential "
							+ "app clients, which authenticate with their secret.",
					"Set " + prefix + "client-secret to the secret of app client " + client.clientId()
							+ " (App clients in the Amazon Cognito console), e.g. from an environment variable.");
		}
		requireNotNegative(prefix + "expiry-margin", client.expiryMargin());
		requirePositive(prefix + "token-connect-timeout", client.tokenConnectTimeout());
		requirePositive(prefix + "token-read-timeout", client.tokenReadTimeout());
		if (client.tokenFailureBackoff().compareTo(MIN_FAILURE_BACKOFF) < 0) {
			throw new CognitoConfigurationException(prefix + "token-failure-backoff",
					client.tokenFailureBackoff().toString(),
					"after a failed token request every call would ask Cognito again almost at once, each waiting up "
							+ "to the token timeouts and spending the user pool's request quota.",
					"Use 100ms or more; the default is 1s.");
		}
		if (client.tokenFailureBackoffMax().compareTo(client.tokenFailureBackoff()) < 0) {
			throw new CognitoConfigurationException(prefix + "token-failure-backoff-max",
					client.tokenFailureBackoffMax().toString(),
					"the longest back-off is shorter than the first one (" + prefix + "token-failure-backoff = "
							+ client.tokenFailureBackoff() + ").",
					"Use a duration of at least " + prefix + "token-failure-backoff; the default is 30s.");
		}
		return client;
	}

	/**
	 * Cognito allows the client credentials grant only on app clients without the
	 * authorization code grant, so one app client cannot serve browser login and M2M.
	 */
	private static void checkNotTheLoginClient(CognitoProperties properties, Boolean login,
			ClientCredentialsSettings client) {
		if (!client.clientId().equals(trim(properties.getClientId()))) {
			return;
		}
		if (Boolean.TRUE.equals(login)) {
			throw new CognitoConfigurationException(client.propertyPrefix() + "client-id", client.clientId(),
					"this is also the browser-login app client (cognito.client-id, with cognito.login.enabled=true), "
							+ "and Cognito does not allow the client credentials grant on an app client that has the "
							+ "authorization code grant.",
					"Create a separate machine-to-machine app client and set " + client.propertyPrefix()
							+ "client-id and " + client.propertyPrefix() + "client-secret to its id and secret.");
		}
		if (login == null && logger.isWarnEnabled()) {
			logger.warn("Cognito M2M client '" + client.name() + "' uses app client " + client.clientId()
					+ ", which is also cognito.client-id. Cognito does not allow the client credentials grant on an "
					+ "app client that has the authorization code grant: if this application signs users in through "
					+ "Cognito, set " + client.propertyPrefix() + "client-id and " + client.propertyPrefix()
					+ "client-secret to a separate machine-to-machine app client; if it does not, set "
					+ "cognito.login.enabled=false.");
		}
	}

	private static List<String> scopes(List<String> configured, String prefix) {
		List<String> scopes = normalize(configured);
		for (String scope : scopes) {
			if (BUILT_IN_SCOPES.contains(scope.toLowerCase(Locale.ROOT))) {
				throw new CognitoConfigurationException(prefix + "scopes", String.join(",", configured),
						"'" + scope + "' is a built-in Cognito scope: those concern signed-in users, and Cognito "
								+ "grants only custom scopes (<resource-server>/<scope>) with the client credentials "
								+ "grant.",
						"Use custom scopes of a resource server of the user pool, e.g. orders-api/read, or leave "
								+ prefix + "scopes empty to get every custom scope the app client allows.");
			}
			if (!scope.contains("/")) {
				throw new CognitoConfigurationException(prefix + "scopes", String.join(",", configured),
						"'" + scope + "' is not a Cognito custom scope, which always reads "
								+ "<resource-server-identifier>/<scope-name>.",
						"Use the full custom scope as the app client lists it, e.g. orders-api/read.");
			}
		}
		return scopes;
	}

	/** Accepts commas (a YAML list) and Cognito's own space-separated form alike. */
	private static List<String> normalize(List<String> configured) {
		Set<String> scopes = new LinkedHashSet<>();
		if (configured != null) {
			for (String entry : configured) {
				if (entry == null) {
					continue;
				}
				scopes.addAll(CognitoScopes.split(entry));
			}
		}
		return List.copyOf(scopes);
	}

	/**
	 * A base URL with a placeholder is checked at the first call instead
	 * ({@link LateBaseUrl}): the value of {@code local.server.port}, say, is known only
	 * once the application's server has started.
	 */
	private static String baseUrl(String value, String prefix) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String trimmed = value.trim();
		if (!trimmed.contains("${")) {
			absoluteHttpUrl(trimmed, prefix);
		}
		return trimmed;
	}

	/**
	 * Token origins are not inherited: like a base URL, they name where one API lives. An
	 * entry with a placeholder is checked at the first call instead
	 * ({@link TokenOrigins}).
	 */
	private static List<String> tokenOrigins(List<String> values, String prefix) {
		if (values == null) {
			return List.of();
		}
		List<String> origins = new ArrayList<>();
		for (String value : values) {
			if (!StringUtils.hasText(value)) {
				continue;
			}
			String trimmed = value.trim();
			if (!trimmed.contains("${")) {
				origin(trimmed, prefix);
			}
			origins.add(trimmed);
		}
		return List.copyOf(origins);
	}

	/**
	 * @return the value as an origin (scheme, host and port)
	 * @throws CognitoConfigurationException when the value is not an http(s) origin: a
	 * path, query, fragment or user info would suggest a narrower match than the origin
	 * the check applies
	 */
	static TokenOrigins.Origin origin(String value, String prefix) {
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			String path = uri.getRawPath();
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
					&& (path == null || path.isEmpty() || path.equals("/"))) {
				return TokenOrigins.Origin.of(uri);
			}
		}
		catch (Exception ex) {
			// reported below
		}
		throw new CognitoConfigurationException(prefix + "token-origins", value,
				"this is not an origin: the token is sent by scheme, host and port, and a path, query or user info "
						+ "cannot narrow that.",
				"List origins such as https://reports.example.com or http://localhost:8080, without a path.");
	}

	/**
	 * @throws CognitoConfigurationException when the value is not an absolute http(s) URL
	 */
	static URI absoluteHttpUrl(String value, String prefix) {
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (Exception ex) {
			// reported below
		}
		throw new CognitoConfigurationException(prefix + "base-url", value, "this is not an absolute http(s) URL.",
				"Use the base URL of the API, e.g. https://orders.example.com, or leave it unset and call absolute "
						+ "URLs.");
	}

	private static void requireJsonLibrary(ClassLoader classLoader) {
		for (String type : JSON_LIBRARIES) {
			if (ClassUtils.isPresent(type, classLoader)) {
				return;
			}
		}
		throw new CognitoConfigurationException(PREFIX + "enabled", null,
				"machine-to-machine clients are configured, but Spring Security reads Cognito's token responses with "
						+ "a JSON library and none (Jackson, Gson, JSON-B) is on the classpath.",
				"Add org.springframework.boot:spring-boot-starter-jackson to the application's dependencies, or set "
						+ PREFIX + "enabled=false.");
	}

	private static void requireNotNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new CognitoConfigurationException(property, value.toString(), "a negative duration cannot work.",
					"Use a duration of zero or more, e.g. 60s.");
		}
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new CognitoConfigurationException(property, value.toString(), "a timeout must be longer than zero.",
					"Use a positive duration, e.g. 5s.");
		}
	}

	private static String firstText(String value, String fallback) {
		return StringUtils.hasText(value) ? value.trim() : trim(fallback);
	}

	private static String trim(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
