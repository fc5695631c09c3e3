package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import io.github.cognitosso.autoconfigure.core.CognitoScopes;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsProperties.Client;

import org.springframework.util.StringUtils;

/**
 * Turns {@code cognito.client-credentials.*} into {@link ClientCredentialsSettings}:
 * named clients inherit from the default client, which inherits its id and secret from
 * {@code cognito.client-id} and {@code cognito.client-secret}. The settings are taken as
 * checked: {@link CognitoClientCredentialsPropertiesValidator} checks them when they are
 * bound, whoever defines the {@link CognitoClientCredentials} bean.
 */
final class ClientCredentialsSettingsResolver {

	static final String PREFIX = "cognito.client-credentials.";

	private static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(60);

	private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(1);

	private static final Duration DEFAULT_FAILURE_BACKOFF_MAX = Duration.ofSeconds(30);

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
	 * @param group the {@code cognito.client-credentials.*} settings, checked
	 * @param endpoints the pool's endpoints (for the token endpoint)
	 * @return the clients, the default one first, then the named ones in configuration
	 * order; empty when M2M is off
	 */
	static List<ClientCredentialsSettings> resolve(CognitoProperties properties,
			CognitoClientCredentialsProperties group, CognitoEndpoints endpoints) {
		if (!isActive(group)) {
			return List.of();
		}
		// The start-up check makes sure M2M has a token endpoint.
		URI tokenUri = endpoints.token().orElseThrow();
		ClientCredentialsSettings base = resolveDefault(properties, group, tokenUri);
		List<ClientCredentialsSettings> clients = new ArrayList<>();
		if (hasDefaultClient(group)) {
			clients.add(base);
		}
		for (Map.Entry<String, Client> entry : group.getClients().entrySet()) {
			clients.add(resolveNamed(entry.getKey(), entry.getValue(), base, tokenUri));
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
				normalize(group.getScopes()),
				Objects.requireNonNullElse(group.getClientAuthenticationMethod(),
						ClientAuthenticationMethod.CLIENT_SECRET_BASIC),
				Objects.requireNonNullElse(group.getExpiryMargin(), DEFAULT_EXPIRY_MARGIN),
				Objects.requireNonNullElse(group.getTokenConnectTimeout(), DEFAULT_CONNECT_TIMEOUT),
				Objects.requireNonNullElse(group.getTokenReadTimeout(), DEFAULT_READ_TIMEOUT),
				Objects.requireNonNullElse(group.getTokenFailureBackoff(), DEFAULT_FAILURE_BACKOFF),
				Objects.requireNonNullElse(group.getTokenFailureBackoffMax(), DEFAULT_FAILURE_BACKOFF_MAX), tokenUri,
				trim(group.getBaseUrl()), tokenOrigins(group.getTokenOrigins()));
	}

	private static ClientCredentialsSettings resolveNamed(String name, Client client, ClientCredentialsSettings base,
			URI tokenUri) {
		String prefix = PREFIX + "clients." + name + ".";
		String clientId = firstText(client.getClientId(), base.clientId());
		String secret = StringUtils.hasText(client.getClientSecret()) ? client.getClientSecret().trim()
				: Objects.equals(clientId, base.clientId()) ? base.clientSecret() : null;
		List<String> scopes = (client.getScopes() != null) ? normalize(client.getScopes()) : base.scopes();
		return new ClientCredentialsSettings(name, prefix, clientId, secret, scopes,
				Objects.requireNonNullElse(client.getClientAuthenticationMethod(), base.authenticationMethod()),
				Objects.requireNonNullElse(client.getExpiryMargin(), base.expiryMargin()),
				Objects.requireNonNullElse(client.getTokenConnectTimeout(), base.tokenConnectTimeout()),
				Objects.requireNonNullElse(client.getTokenReadTimeout(), base.tokenReadTimeout()),
				Objects.requireNonNullElse(client.getTokenFailureBackoff(), base.tokenFailureBackoff()),
				Objects.requireNonNullElse(client.getTokenFailureBackoffMax(), base.tokenFailureBackoffMax()), tokenUri,
				trim(client.getBaseUrl()), tokenOrigins(client.getTokenOrigins()));
	}

	/** Accepts commas (a YAML list) and Cognito's own space-separated form alike. */
	static List<String> normalize(List<String> configured) {
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
	 * Token origins are not inherited: like a base URL, they name where one API lives.
	 */
	private static List<String> tokenOrigins(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter(StringUtils::hasText).map(String::trim).toList();
	}

	private static String firstText(String value, String fallback) {
		return StringUtils.hasText(value) ? value.trim() : trim(fallback);
	}

	private static String trim(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
