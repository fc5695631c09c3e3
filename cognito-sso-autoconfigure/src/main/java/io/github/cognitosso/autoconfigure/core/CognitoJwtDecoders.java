package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.Jwks;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.TokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the Cognito {@link CognitoJwtDecoder} from the pool's {@code cognito.*} and the
 * {@code cognito.resource-server.*} settings, without a Spring context and without a
 * network call (keys are fetched on the first token):
 *
 * <pre class="code">
 * CognitoProperties pool = ...;
 * CognitoResourceServerProperties resourceServer = ...;
 * JwtDecoder decoder = CognitoJwtDecoders.fromProperties(pool, resourceServer, pool.toEndpoints());
 * </pre>
 *
 * The pool's endpoints, accepted app clients and keys come in as a {@link CognitoPool}
 * ({@link #forPool}); the {@code fromProperties} methods map the properties to a pool
 * first. In an application, add a check with an {@code OAuth2TokenValidator<Jwt>} bean
 * and anything else with a {@link CognitoJwtDecoderBuilderCustomizer} bean: the
 * auto-configured decoder picks both up and keeps the validated-token cache. The pieces
 * are public too, for applications that assemble their own decoder: {@link #validator}
 * (all Cognito checks) and {@link #jwkSource} (the cached, rate-limited key set). With
 * {@code cognito.resource-server.token-cache} enabled (the default) and Caffeine on the
 * classpath, tokens that passed every check are remembered until their {@code exp} (see
 * docs/benchmarks.md for what that saves).
 */
public final class CognitoJwtDecoders {

	private static final Log logger = LogFactory.getLog(CognitoJwtDecoders.class);

	private static final boolean CAFFEINE_PRESENT = ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
			CognitoJwtDecoders.class.getClassLoader());

	/** The shortest {@code cognito.resource-server.jwks.refetch-cooldown} accepted. */
	static final Duration MIN_REFETCH_COOLDOWN = Duration.ofSeconds(1);

	private CognitoJwtDecoders() {
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @param endpoints the pool's endpoints
	 * @return a decoder for the pool's tokens
	 * @throws CognitoConfigurationException when a {@code cognito.resource-server.*}
	 * setting cannot work
	 */
	public static CognitoJwtDecoder fromProperties(CognitoProperties properties,
			CognitoResourceServerProperties resourceServer, CognitoEndpoints endpoints) {
		return fromProperties(properties, resourceServer, endpoints, Clock.systemUTC());
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @param endpoints the pool's endpoints
	 * @param clock the clock for token lifetimes, key caching and the validated-token
	 * cache
	 * @return a decoder for the pool's tokens
	 * @throws CognitoConfigurationException when a {@code cognito.resource-server.*}
	 * setting cannot work
	 */
	public static CognitoJwtDecoder fromProperties(CognitoProperties properties,
			CognitoResourceServerProperties resourceServer, CognitoEndpoints endpoints, Clock clock) {
		CognitoJwkSource keys = jwkSource(resourceServer.getJwks(), endpoints, clock);
		return forPool(CognitoPool.from(properties, resourceServer, endpoints, keys), resourceServer, clock, List.of(),
				List.of());
	}

	/**
	 * @param pool the pool whose tokens are accepted: its issuers, app clients and keys
	 * (the auto-configuration passes the {@link CognitoPool} bean, whose
	 * {@link CognitoJwkSource} browser login shares, so both fetch the key set once)
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @param clock the clock for token lifetimes and the validated-token cache
	 * @param extraValidators the application's own checks, run after the Cognito checks
	 * (their first failure is the answer's {@code error_description}, as for the Cognito
	 * checks); tokens that passed them all are cached
	 * @param customizers applied to the Nimbus decoder's builder after the starter's
	 * settings
	 * @return a decoder for the pool's tokens
	 * @throws CognitoConfigurationException when a {@code cognito.resource-server.*}
	 * setting cannot work
	 */
	public static CognitoJwtDecoder forPool(CognitoPool pool, CognitoResourceServerProperties resourceServer,
			Clock clock, List<OAuth2TokenValidator<Jwt>> extraValidators,
			List<CognitoJwtDecoderBuilderCustomizer> customizers) {
		OAuth2TokenValidator<Jwt> validator = validator(pool, resourceServer, clock);
		if (!extraValidators.isEmpty()) {
			List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
			all.add(validator);
			all.addAll(extraValidators);
			validator = new DelegatingOAuth2TokenValidator<>(all);
		}
		// RS256 only: Cognito signs nothing else, and a fixed list closes the door to
		// algorithm confusion.
		NimbusJwtDecoder.JwkSourceJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSource(pool.keys())
			.jwsAlgorithm(SignatureAlgorithm.RS256);
		customizers.forEach((customizer) -> customizer.customize(builder));
		NimbusJwtDecoder nimbus = builder.build();
		// Set after the customizers, so none can drop the Cognito checks.
		nimbus.setJwtValidator(validator);
		JwtDecoder verifying = withTokenCache(nimbus, resourceServer.getTokenCache(), clock);
		return new CognitoJwtDecoder(verifying, maxTokenLength(resourceServer));
	}

	/**
	 * Puts the validated-token cache in front of the verifying decoder, when it is
	 * enabled and Caffeine is on the classpath. It sits behind the size limit and the
	 * failure translation of {@link CognitoJwtDecoder}, so refusals read the same with or
	 * without it.
	 */
	private static JwtDecoder withTokenCache(JwtDecoder verifying, TokenCache settings, Clock clock) {
		if (!settings.isEnabled()) {
			return verifying;
		}
		if (!CAFFEINE_PRESENT) {
			logger.debug("Validated-token cache off: Caffeine is not on the classpath");
			return verifying;
		}
		if (settings.getMaximumSize() <= 0) {
			throw new CognitoConfigurationException("cognito.resource-server.token-cache.maximum-size",
					String.valueOf(settings.getMaximumSize()), "the cache must be able to hold at least one token.",
					"Use a positive size such as 10000 (the default), or set "
							+ "cognito.resource-server.token-cache.enabled=false to switch the cache off.");
		}
		Duration maxTtl = positive("cognito.resource-server.token-cache.max-ttl", settings.getMaxTtl());
		return ValidatedTokenCache.wrap(verifying, settings.getMaximumSize(), maxTtl, clock);
	}

	/**
	 * @param pool the pool whose issuers and app clients are accepted
	 * @param settings the {@code cognito.resource-server.*} settings
	 * @param clock the clock for token lifetimes
	 * @return every Cognito check, in the order their failures are reported: issuer,
	 * lifetime, token use, app client, then the optional audience and required scopes
	 * @throws CognitoConfigurationException when a {@code cognito.resource-server.*}
	 * setting cannot work
	 */
	public static OAuth2TokenValidator<Jwt> validator(CognitoPool pool, CognitoResourceServerProperties settings,
			Clock clock) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(CognitoIssuerValidator.forPool(pool));
		validators.add(new CognitoTimestampValidator(clockSkew(settings), clock));
		validators.add(new TokenUseValidator(tokenUses(settings)));
		Set<String> clientIds = acceptedClientIds(pool);
		if (!clientIds.isEmpty()) {
			validators.add(new AppClientValidator(clientIds));
		}
		List<String> audiences = texts(settings.getAudiences());
		if (!audiences.isEmpty()) {
			validators.add(new ResourceAudienceValidator(audiences));
		}
		List<String> requiredScopes = texts(settings.getRequiredScopes());
		if (!requiredScopes.isEmpty()) {
			validators.add(requiredScopes(requiredScopes));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * @param settings the {@code cognito.resource-server.jwks.*} settings
	 * @param endpoints the pool's endpoints (the JWKS URL)
	 * @param clock the clock for key caching
	 * @return the pool's keys, fetched on first use
	 * @throws CognitoConfigurationException when a {@code cognito.resource-server.jwks.*}
	 * setting cannot work
	 */
	public static CognitoJwkSource jwkSource(Jwks settings, CognitoEndpoints endpoints, Clock clock) {
		Duration cacheTtl = positive("cognito.resource-server.jwks.cache-ttl", settings.getCacheTtl());
		Duration cooldown = refetchCooldown(settings.getRefetchCooldown());
		Duration connectTimeout = positive("cognito.resource-server.jwks.connect-timeout",
				settings.getConnectTimeout());
		Duration readTimeout = positive("cognito.resource-server.jwks.read-timeout", settings.getReadTimeout());
		return new CognitoJwkSource(endpoints.jwkSet(), cacheTtl, cooldown, connectTimeout, readTimeout, clock);
	}

	/**
	 * The unknown-kid rate limit: below {@link #MIN_REFETCH_COOLDOWN} (0 would switch it
	 * off) every token with a forged {@code kid} would cost a request to Cognito.
	 */
	private static Duration refetchCooldown(Duration value) {
		if (value == null || value.compareTo(MIN_REFETCH_COOLDOWN) < 0) {
			throw new CognitoConfigurationException("cognito.resource-server.jwks.refetch-cooldown",
					String.valueOf(value),
					"the cooldown must be at least " + MIN_REFETCH_COOLDOWN.toSeconds()
							+ "s: it is the only limit on how often tokens naming an unknown key (a forged kid costs "
							+ "nothing to make) send the application to Cognito's JWKS endpoint.",
					"Use a duration of 1s or more, such as 30s (the default). A rotated key is picked up by the first "
							+ "refetch whatever the cooldown.");
		}
		return value;
	}

	/**
	 * @return the pool's accepted app clients ({@code cognito.client-id} and
	 * {@code cognito.resource-server.accepted-client-ids}), or nothing when
	 * {@code accept-any-client} is on
	 * @throws CognitoConfigurationException when no client is accepted and
	 * {@code accept-any-client} is off
	 */
	static Set<String> acceptedClientIds(CognitoPool pool) {
		Set<String> clientIds = pool.acceptedClientIds();
		if (pool.acceptAnyClient()) {
			return Set.of();
		}
		if (clientIds.isEmpty()) {
			throw new CognitoConfigurationException("cognito.resource-server.accepted-client-ids", null,
					"bearer-token validation is on but no app client is accepted, so every token would be refused "
							+ "(a Cognito access token names its app client in client_id, and every app client "
							+ "of the pool gets tokens with the same issuer and keys).",
					"Set cognito.client-id or list the app clients allowed to call this API in "
							+ "cognito.resource-server.accepted-client-ids. To accept every app client of the pool, "
							+ "set cognito.resource-server.accept-any-client=true; to switch bearer-token validation "
							+ "off, set cognito.resource-server.enabled=false.");
		}
		return clientIds;
	}

	private static List<TokenUse> tokenUses(CognitoResourceServerProperties settings) {
		List<TokenUse> uses = settings.getAcceptedTokenUses();
		if (uses == null || uses.isEmpty() || uses.stream().anyMatch(Objects::isNull)) {
			throw new CognitoConfigurationException("cognito.resource-server.accepted-token-uses", null,
					"no kind of token is accepted, so every token would be refused.",
					"Set cognito.resource-server.accepted-token-uses to access (the default), id, or both.");
		}
		return uses;
	}

	private static RequiredScopesValidator requiredScopes(List<String> scopes) {
		try {
			return new RequiredScopesValidator(scopes);
		}
		catch (IllegalArgumentException ex) {
			throw new CognitoConfigurationException("cognito.resource-server.required-scopes", String.join(",", scopes),
					"a scope is a single word of printable characters, without quotes or "
							+ "backslashes (RFC 6749 section 3.3).",
					"List the scopes as Cognito names them, for example orders/read.");
		}
	}

	private static Duration clockSkew(CognitoResourceServerProperties settings) {
		return notNegative("cognito.resource-server.clock-skew", settings.getClockSkew());
	}

	private static int maxTokenLength(CognitoResourceServerProperties settings) {
		long bytes = (settings.getMaxTokenSize() != null) ? settings.getMaxTokenSize().toBytes() : 0;
		if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
			throw new CognitoConfigurationException("cognito.resource-server.max-token-size",
					String.valueOf(settings.getMaxTokenSize()), "the limit must be positive.",
					"Use a size such as 16KB (the default); Cognito tokens are usually 1 to 4 KB.");
		}
		return (int) bytes;
	}

	private static Duration positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new CognitoConfigurationException(property, String.valueOf(value), "the duration must be positive.",
					"Use a positive duration such as 2s or 5m.");
		}
		return value;
	}

	private static Duration notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new CognitoConfigurationException(property, String.valueOf(value),
					"the duration must not be negative.", "Use a duration such as 0s, 30s or 1m.");
		}
		return value;
	}

	private static List<String> texts(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList();
	}

}
