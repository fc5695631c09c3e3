package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.Jwks;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.TokenCache;

/**
 * The rules of {@code cognito.resource-server.*}, each stated once: the key-set settings
 * that browser login shares, then, with bearer-token validation on, the settings of the
 * decoder. Run by {@link CognitoResourceServerValidationPostProcessor} when the settings
 * are bound, so that an application with its own {@code JwtDecoder} or
 * {@link CognitoJwkSource} still has them checked; the factories of
 * {@link CognitoJwtDecoders} take them as checked.
 */
final class CognitoResourceServerPropertiesValidator {

	private CognitoResourceServerPropertiesValidator() {
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings (the app client accepted by
	 * default)
	 * @param settings the {@code cognito.resource-server.*} settings
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	static void validate(CognitoProperties properties, CognitoResourceServerProperties settings) {
		validateKeys(settings.getJwks());
		if (!settings.isEnabled()) {
			return;
		}
		notNegative("cognito.resource-server.clock-skew", settings.getClockSkew());
		List<TokenUse> uses = settings.getAcceptedTokenUses();
		if (uses == null || uses.isEmpty() || uses.stream().anyMatch(Objects::isNull)) {
			throw new CognitoConfigurationException("cognito.resource-server.accepted-token-uses", null,
					"no kind of token is accepted, so every token would be refused.",
					"Set cognito.resource-server.accepted-token-uses to access (the default), id, or both.");
		}
		if (!settings.isAcceptAnyClient() && CognitoPool.acceptedClientIds(properties, settings).isEmpty()) {
			throw new CognitoConfigurationException("cognito.resource-server.accepted-client-ids", null,
					"bearer-token validation is on but no app client is accepted, so every token would be refused "
							+ "(a Cognito access token names its app client in client_id, and every app client "
							+ "of the pool gets tokens with the same issuer and keys).",
					"Set cognito.client-id or list the app clients allowed to call this API in "
							+ "cognito.resource-server.accepted-client-ids. To accept every app client of the pool, "
							+ "set cognito.resource-server.accept-any-client=true; to switch bearer-token validation "
							+ "off, set cognito.resource-server.enabled=false.");
		}
		List<String> requiredScopes = CognitoJwtDecoders.texts(settings.getRequiredScopes());
		if (!requiredScopes.isEmpty()) {
			try {
				new RequiredScopesValidator(requiredScopes);
			}
			catch (IllegalArgumentException ex) {
				throw new CognitoConfigurationException("cognito.resource-server.required-scopes",
						String.join(",", requiredScopes),
						"a scope is a single word of printable characters, without quotes or "
								+ "backslashes (RFC 6749 section 3.3).",
						"List the scopes as Cognito names them, for example orders/read.");
			}
		}
		validateTokenCache(settings.getTokenCache());
		long bytes = (settings.getMaxTokenSize() != null) ? settings.getMaxTokenSize().toBytes() : 0;
		if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
			throw new CognitoConfigurationException("cognito.resource-server.max-token-size",
					String.valueOf(settings.getMaxTokenSize()), "the limit must be positive.",
					"Use a size such as 16KB (the default); Cognito tokens are usually 1 to 4 KB.");
		}
	}

	private static void validateKeys(Jwks settings) {
		positive("cognito.resource-server.jwks.cache-ttl", settings.getCacheTtl());
		// The unknown-kid rate limit: below the minimum (0 would switch it off) every
		// token with a forged kid would cost a request to Cognito.
		Duration cooldown = settings.getRefetchCooldown();
		if (cooldown == null || cooldown.compareTo(CognitoJwtDecoders.MIN_REFETCH_COOLDOWN) < 0) {
			throw new CognitoConfigurationException("cognito.resource-server.jwks.refetch-cooldown",
					String.valueOf(cooldown),
					"the cooldown must be at least " + CognitoJwtDecoders.MIN_REFETCH_COOLDOWN.toSeconds()
							+ "s: it is the only limit on how often tokens naming an unknown key (a forged kid costs "
							+ "nothing to make) send the application to Cognito's JWKS endpoint.",
					"Use a duration of 1s or more, such as 30s (the default). A rotated key is picked up by the first "
							+ "refetch whatever the cooldown.");
		}
		positive("cognito.resource-server.jwks.connect-timeout", settings.getConnectTimeout());
		positive("cognito.resource-server.jwks.read-timeout", settings.getReadTimeout());
	}

	/**
	 * Checked whenever the cache is enabled, with or without Caffeine on the classpath: a
	 * value that cannot work should not wait for the dependency to arrive.
	 */
	private static void validateTokenCache(TokenCache settings) {
		if (!settings.isEnabled()) {
			return;
		}
		if (settings.getMaximumSize() <= 0) {
			throw new CognitoConfigurationException("cognito.resource-server.token-cache.maximum-size",
					String.valueOf(settings.getMaximumSize()), "the cache must be able to hold at least one token.",
					"Use a positive size such as 10000 (the default), or set "
							+ "cognito.resource-server.token-cache.enabled=false to switch the cache off.");
		}
		positive("cognito.resource-server.token-cache.max-ttl", settings.getMaxTtl());
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new CognitoConfigurationException(property, String.valueOf(value), "the duration must be positive.",
					"Use a positive duration such as 2s or 5m.");
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new CognitoConfigurationException(property, String.valueOf(value),
					"the duration must not be negative.", "Use a duration such as 0s, 30s or 1m.");
		}
	}

}
