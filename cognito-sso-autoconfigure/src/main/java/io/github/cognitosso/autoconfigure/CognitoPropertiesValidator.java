package io.github.cognitosso.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * The rules of the {@code cognito.*} configuration that concern the whole pool, each
 * stated once: unresolved placeholders, the values the endpoints are derived from
 * (checked by {@link CognitoEndpoints.Builder#build()}), combinations Cognito rejects at
 * the first login, and the endpoints browser login needs. Feature settings
 * ({@code cognito.resource-server.*}, {@code cognito.login.*} pages and timeouts,
 * {@code cognito.client-credentials.*}) are checked when their own properties class is
 * bound, by a post-processor of the same shape that each feature registers.
 * <p>
 * Run by {@link CognitoConfigurationValidationPostProcessor}, never from a bean an
 * application can replace. The few feature settings these rules need (whether browser
 * login is on, its callback and sign-out URLs, the app client ids and secrets of every
 * feature) are read by name from the {@link Binder}: the features' properties beans are
 * bound by their own auto-configurations, which may be off.
 */
final class CognitoPropertiesValidator {

	/** What Spring leaves of a placeholder it cannot resolve: the placeholder itself. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

	/**
	 * The durations that read a number without a unit as milliseconds before the seconds
	 * convention.
	 */
	private static final List<String> FORMERLY_MILLISECOND_DURATIONS = List.of("cognito.resource-server.clock-skew",
			"cognito.resource-server.jwks.cache-ttl", "cognito.resource-server.jwks.refetch-cooldown",
			"cognito.resource-server.jwks.connect-timeout", "cognito.resource-server.jwks.read-timeout",
			"cognito.resource-server.token-cache.max-ttl");

	private static final Pattern BARE_NUMBER = Pattern.compile("\\s*[-+]?\\d+\\s*");

	private CognitoPropertiesValidator() {
	}

	/**
	 * Checks the bound settings on their own, before anything derives or reads them.
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	static void validate(CognitoProperties properties, Binder binder) {
		rejectUnresolvedPlaceholders(properties, binder);
		rejectDurationsWithoutUnit(binder);
		properties.toEndpoints();
		validateCombinations(properties, binder);
	}

	/**
	 * Checks that the endpoints in use, derived or the application's own
	 * {@link CognitoEndpoints} bean, have what the features switched on by
	 * {@code cognito.*} need.
	 * @throws CognitoConfigurationException for the first endpoint a feature needs and
	 * lacks
	 */
	static void validate(CognitoProperties properties, Binder binder, CognitoEndpoints endpoints) {
		if (!isLoginEnabled(properties, loginEnabled(binder))) {
			return;
		}
		if (endpoints.authorization().isEmpty() || endpoints.token().isEmpty()) {
			throw new CognitoConfigurationException("cognito.domain", null,
					"browser login is enabled (cognito.login.enabled=true) but the user pool has no domain, "
							+ "and Cognito's login pages and token endpoint live on that domain.",
					"Set cognito.domain to the pool's domain prefix (my-app) or custom domain (auth.example.com), "
							+ "or set cognito.login.enabled=false for an API-only application.");
		}
		if (endpoints.logout().isEmpty()) {
			throw new CognitoConfigurationException("cognito.endpoints.logout-uri", null,
					"logout ends the Cognito session at the domain's /logout endpoint, but there is no domain.",
					"Set cognito.domain (or cognito.endpoints.logout-uri).");
		}
		// true is the default of cognito.logout.revoke-refresh-token
		// (CognitoLogoutProperties).
		boolean revokeRefreshToken = binder.bind("cognito.logout.revoke-refresh-token", Boolean.class).orElse(true);
		if (revokeRefreshToken && endpoints.revocation().isEmpty()) {
			throw new CognitoConfigurationException("cognito.endpoints.revocation-uri", null,
					"logout revokes the refresh token, but there is no revocation endpoint without a domain.",
					"Set cognito.domain (or cognito.endpoints.revocation-uri), "
							+ "or set cognito.logout.revoke-refresh-token=false.");
		}
	}

	/**
	 * Spring binds a placeholder it cannot resolve ({@code ${COGNITO_CLIENT_SECRET}} with
	 * that variable unset) as its literal text, and the application would start and fail
	 * at the first call to Cognito. Checked before anything else, so that a pool id or
	 * client id placeholder is reported as such rather than as a malformed id.
	 * @throws CognitoConfigurationException for the first pool id, app client id or
	 * secret that is an unresolved placeholder
	 */
	private static void rejectUnresolvedPlaceholders(CognitoProperties properties, Binder binder) {
		requireResolved("cognito.user-pool-id", properties.getUserPoolId());
		requireResolved("cognito.client-id", properties.getClientId());
		requireResolved("cognito.client-secret", properties.getClientSecret());
		List<String> accepted = binder
			.bind("cognito.resource-server.accepted-client-ids", Bindable.listOf(String.class))
			.orElse(List.of());
		for (int i = 0; i < accepted.size(); i++) {
			requireResolved("cognito.resource-server.accepted-client-ids[" + i + "]", accepted.get(i));
		}
		requireResolved("cognito.client-credentials.client-id", text(binder, "cognito.client-credentials.client-id"));
		requireResolved("cognito.client-credentials.client-secret",
				text(binder, "cognito.client-credentials.client-secret"));
		Map<String, AppClient> clients = binder
			.bind("cognito.client-credentials.clients", Bindable.mapOf(String.class, AppClient.class))
			.orElse(Map.of());
		for (Map.Entry<String, AppClient> client : clients.entrySet()) {
			String prefix = "cognito.client-credentials.clients." + client.getKey() + ".";
			requireResolved(prefix + "client-id", client.getValue().clientId());
			requireResolved(prefix + "client-secret", client.getValue().clientSecret());
		}
	}

	/**
	 * A number without a unit is seconds in every {@code cognito.*} duration. These read
	 * it as milliseconds before, so an old {@code clock-skew: 100} would silently become
	 * 100 seconds: refused until it says which it means.
	 * @throws CognitoConfigurationException for the first of these durations written as a
	 * bare number
	 */
	private static void rejectDurationsWithoutUnit(Binder binder) {
		for (String property : FORMERLY_MILLISECOND_DURATIONS) {
			String value = text(binder, property);
			// 0 means the same in either unit, and is left to the property's own check.
			if (value != null && BARE_NUMBER.matcher(value).matches()
					&& value.chars().anyMatch((c) -> c >= '1' && c <= '9')) {
				String number = value.trim();
				throw new CognitoConfigurationException(property, value,
						"a number without a unit is ambiguous here: this property used to read it as milliseconds, and "
								+ "every cognito.* duration now reads it as seconds.",
						"Write the unit: " + number + "ms or " + number + "s.");
			}
		}
	}

	private static void requireResolved(String property, String value) {
		if (value == null) {
			return;
		}
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (!placeholder.find()) {
			return;
		}
		// Only the placeholder is shown, never the rest of the value: around it could be
		// part of a secret.
		String name = placeholder.group(1);
		throw new CognitoConfigurationException(property, "unresolved placeholder " + placeholder.group(),
				"nothing named " + name + " is set (no environment variable, system property or property), so the "
						+ "placeholder's literal text would be sent to Cognito.",
				"Set the environment variable " + name + " (or a property of that name) for the application, "
						+ "or set " + property + " itself.");
	}

	private static void validateCombinations(CognitoProperties properties, Binder binder) {
		boolean hasClientId = StringUtils.hasText(properties.getClientId());
		if (StringUtils.hasText(properties.getClientSecret()) && !hasClientId) {
			// The value is a secret: never shown.
			throw new CognitoConfigurationException("cognito.client-secret", null,
					"a client secret is set but cognito.client-id is not, so the secret belongs to no app client.",
					"Set cognito.client-id to the id of the app client this secret belongs to "
							+ "(App clients in the Amazon Cognito console).");
		}
		for (String scope : properties.getScopes()) {
			if ("offline_access".equalsIgnoreCase(scope.trim())) {
				throw new CognitoConfigurationException("cognito.scopes", String.join(",", properties.getScopes()),
						"offline_access is not a Cognito scope: Cognito rejects an authorize request that asks for it "
								+ "(invalid_scope). Cognito issues a refresh token with every authorization code grant "
								+ "anyway.",
						"Remove offline_access from cognito.scopes.");
			}
		}
		if (isLoginEnabled(properties, loginEnabled(binder))) {
			if (!hasClientId) {
				throw new CognitoConfigurationException("cognito.client-id", null,
						"browser login is enabled but no app client id is set.",
						"Set cognito.client-id to the id of the app client used for login, "
								+ "or set cognito.login.enabled=false for an API-only application.");
			}
			requireHttpsUnlessLocalhost("cognito.login.redirect-uri", text(binder, "cognito.login.redirect-uri"),
					"callback");
			requireHttpsUnlessLocalhost("cognito.logout.logout-uri", text(binder, "cognito.logout.logout-uri"),
					"sign-out");
		}
	}

	/**
	 * Browser login is on when asked for, or by default when the pool has a domain and an
	 * app client is set.
	 * @param properties the pool's settings
	 * @param enabled {@code cognito.login.enabled}, or {@code null} when not set
	 */
	static boolean isLoginEnabled(CognitoProperties properties, Boolean enabled) {
		if (enabled != null) {
			return enabled;
		}
		return (StringUtils.hasText(properties.getDomain())
				|| StringUtils.hasText(properties.getEndpoints().getAuthorizationUri()))
				&& StringUtils.hasText(properties.getClientId());
	}

	/**
	 * Cognito accepts callback and sign-out URLs only over HTTPS, except
	 * http://localhost. Templates such as {baseUrl}/... are resolved per request and
	 * checked by Cognito itself.
	 */
	private static void requireHttpsUnlessLocalhost(String property, String value, String kind) {
		if (!StringUtils.hasText(value) || value.startsWith("{")) {
			return;
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new CognitoConfigurationException(property, value, "this is not a valid URL.",
					"Use an absolute https URL registered as a " + kind + " URL of the app client, "
							+ "or a template such as {baseUrl}/.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (scheme.equals("http") && !"localhost".equalsIgnoreCase(uri.getHost())) {
			throw new CognitoConfigurationException(property, value,
					"Cognito accepts " + kind + " URLs only over https, except http://localhost.",
					"Use https://" + uri.getRawAuthority() + ((uri.getRawPath() != null) ? uri.getRawPath() : "")
							+ " and register it as a " + kind + " URL of the app client.");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new CognitoConfigurationException(property, value, "this is not an absolute http(s) URL.",
					"Use an absolute https URL registered as a " + kind + " URL of the app client, "
							+ "or a template such as {baseUrl}/.");
		}
	}

	static Boolean loginEnabled(Binder binder) {
		return binder.bind("cognito.login.enabled", Boolean.class).orElse(null);
	}

	private static String text(Binder binder, String property) {
		return binder.bind(property, String.class).orElse(null);
	}

	/**
	 * The app client of a named machine-to-machine client, as far as these rules read it.
	 */
	record AppClient(String clientId, String clientSecret) {
	}

}
