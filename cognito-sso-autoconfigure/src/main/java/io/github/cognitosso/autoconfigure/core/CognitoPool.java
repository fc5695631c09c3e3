package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * One user pool as the core sees it: its endpoints, the app clients and issuers its
 * tokens may name, and its signing keys. The decoders take a pool as a value instead of
 * reading {@code cognito.*}, so a second pool is a second {@code CognitoPool}, not a
 * second copy of the code.
 * <p>
 * The auto-configuration builds the application's pool once, with {@link #from}, the one
 * place that maps the properties to a pool, and exposes it as a bean.
 *
 * @param endpoints the pool's URLs
 * @param acceptedClientIds the app clients whose tokens are accepted, in configuration
 * order; ignored when {@code acceptAnyClient} is on
 * @param acceptAnyClient whether tokens of every app client of the pool are accepted
 * @param acceptedIssuers the issuers a bearer token may name, compared exactly
 * @param keys the pool's signing keys, shared by every decoder of the pool
 */
public record CognitoPool(CognitoEndpoints endpoints, Set<String> acceptedClientIds, boolean acceptAnyClient,
		List<URI> acceptedIssuers, CognitoJwkSource keys) {

	public CognitoPool {
		Assert.notNull(endpoints, "endpoints must not be null");
		Assert.notNull(acceptedClientIds, "acceptedClientIds must not be null");
		Assert.notEmpty(acceptedIssuers, "acceptedIssuers must not be empty");
		Assert.notNull(keys, "keys must not be null");
		acceptedClientIds = Collections.unmodifiableSet(new LinkedHashSet<>(acceptedClientIds));
		acceptedIssuers = List.copyOf(acceptedIssuers);
	}

	/**
	 * Maps the settings to a pool: {@code cognito.client-id} and
	 * {@code cognito.resource-server.accepted-client-ids} are the accepted app clients;
	 * both issuer forms are accepted unless
	 * {@code cognito.resource-server.accept-both-issuer-types} is off (an issuer override
	 * is always the only one).
	 * @param properties the pool's {@code cognito.*} settings
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @param endpoints the pool's endpoints (the bean in use, which may be the
	 * application's own)
	 * @param keys the pool's signing keys
	 * @return the pool
	 */
	public static CognitoPool from(CognitoProperties properties, CognitoResourceServerProperties resourceServer,
			CognitoEndpoints endpoints, CognitoJwkSource keys) {
		Set<String> clientIds = acceptedClientIds(properties, resourceServer);
		List<URI> issuers = resourceServer.isAcceptBothIssuerTypes() ? endpoints.acceptedIssuers()
				: List.of(endpoints.issuer());
		return new CognitoPool(endpoints, clientIds, resourceServer.isAcceptAnyClient(), issuers, keys);
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @return {@code cognito.client-id} and
	 * {@code cognito.resource-server.accepted-client-ids}, in configuration order,
	 * whether or not {@code accept-any-client} is on
	 */
	static Set<String> acceptedClientIds(CognitoProperties properties, CognitoResourceServerProperties resourceServer) {
		Set<String> clientIds = new LinkedHashSet<>();
		if (StringUtils.hasText(properties.getClientId())) {
			clientIds.add(properties.getClientId().trim());
		}
		if (resourceServer.getAcceptedClientIds() != null) {
			resourceServer.getAcceptedClientIds()
				.stream()
				.filter(StringUtils::hasText)
				.map(String::trim)
				.forEach(clientIds::add);
		}
		return clientIds;
	}

}
