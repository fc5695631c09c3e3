package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsProperties.Client;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The rules of {@code cognito.client-credentials.*}, each stated once: every setting
 * Cognito would reject at the first token request fails at start-up, with a
 * {@link CognitoConfigurationException} naming the property (never showing a secret). Run
 * by {@link CognitoClientCredentialsValidationPostProcessor} when the settings are bound,
 * so that an application with its own {@link CognitoClientCredentials} bean still has
 * them checked; {@link ClientCredentialsSettingsResolver} takes them as checked. The
 * origin and base URL rules also check, at the first call, values whose placeholders
 * resolve only then ({@link TokenOrigins}, {@link LateBaseUrl}).
 */
final class CognitoClientCredentialsPropertiesValidator {

	private static final Log logger = LogFactory.getLog(CognitoClientCredentialsPropertiesValidator.class);

	private static final String PREFIX = ClientCredentialsSettingsResolver.PREFIX;

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

	/**
	 * Below this a back-off no longer spares Cognito, or the pool's request quota, an
	 * outage's worth of requests.
	 */
	private static final Duration MIN_FAILURE_BACKOFF = Duration.ofMillis(100);

	private CognitoClientCredentialsPropertiesValidator() {
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings (the login app client,
	 * inherited by default)
	 * @param group the {@code cognito.client-credentials.*} settings
	 * @param loginEnabled {@code cognito.login.enabled}, or {@code null} when not set
	 * @param endpoints the pool's endpoints in use (for the token endpoint)
	 * @param classLoader the application's class loader (to find a JSON library)
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	static void validate(CognitoProperties properties, CognitoClientCredentialsProperties group, Boolean loginEnabled,
			CognitoEndpoints endpoints, ClassLoader classLoader) {
		if (!ClientCredentialsSettingsResolver.isActive(group)) {
			return;
		}
		if (endpoints.token().isEmpty()) {
			throw new CognitoConfigurationException("cognito.domain", null,
					"machine-to-machine clients are configured (cognito.client-credentials) but the user pool has no "
							+ "domain, and Cognito's token endpoint lives on that domain.",
					"Set cognito.domain to the pool's domain prefix (my-app) or custom domain (auth.example.com), "
							+ "or cognito.endpoints.token-uri to the token endpoint.");
		}
		requireJsonLibrary(classLoader);
		validateValues(PREFIX, group.getScopes(), group.getBaseUrl(), group.getTokenOrigins());
		List<ClientCredentialsSettings> clients = ClientCredentialsSettingsResolver.resolve(properties, group,
				endpoints);
		int next = 0;
		if (ClientCredentialsSettingsResolver.hasDefaultClient(group)) {
			validateClient(clients.get(next++));
		}
		for (Map.Entry<String, Client> entry : group.getClients().entrySet()) {
			String name = entry.getKey();
			if (CognitoClientCredentials.DEFAULT_CLIENT.equals(name)) {
				throw new CognitoConfigurationException(PREFIX + "clients." + name, null,
						"'" + name
								+ "' is the name of the client configured directly under cognito.client-credentials.",
						"Set the default client's values directly under cognito.client-credentials, or give this "
								+ "client another name.");
			}
			Client client = entry.getValue();
			validateValues(PREFIX + "clients." + name + ".", client.getScopes(), client.getBaseUrl(),
					client.getTokenOrigins());
			validateClient(clients.get(next++));
		}
		for (ClientCredentialsSettings client : clients) {
			checkNotTheLoginClient(properties, loginEnabled, client);
		}
	}

	/**
	 * A base URL or token origin with a placeholder is checked at the first call instead
	 * ({@link LateBaseUrl}, {@link TokenOrigins}): the value of
	 * {@code local.server.port}, say, is known only once the application's server has
	 * started.
	 */
	private static void validateValues(String prefix, List<String> scopes, String baseUrl, List<String> tokenOrigins) {
		if (scopes != null) {
			scopes(scopes, prefix);
		}
		if (StringUtils.hasText(baseUrl) && !baseUrl.contains("${")) {
			absoluteHttpUrl(baseUrl.trim(), prefix);
		}
		if (tokenOrigins != null) {
			for (String value : tokenOrigins) {
				if (StringUtils.hasText(value) && !value.contains("${")) {
					origin(value.trim(), prefix);
				}
			}
		}
	}

	private static void validateClient(ClientCredentialsSettings client) {
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

	private static void scopes(List<String> configured, String prefix) {
		List<String> scopes = ClientCredentialsSettingsResolver.normalize(configured);
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

	private static String trim(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
