package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.Jwks;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties.TokenCache;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.convert.converter.Converter;
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
 * (all Cognito checks) and {@link #jwkSource} (the cached, rate-limited key set). The
 * settings are taken as checked: the starter checks {@code cognito.resource-server.*}
 * when it is bound ({@link CognitoResourceServerPropertiesValidator}), whichever of these
 * beans the application replaces. With {@code cognito.resource-server.token-cache}
 * enabled (the default) and Caffeine on the classpath, tokens that passed every check are
 * remembered until their {@code exp} (see docs/benchmarks.md for what that saves).
 */
public final class CognitoJwtDecoders {

	private static final Log logger = LogFactory.getLog(CognitoJwtDecoders.class);

	private static final boolean CAFFEINE_PRESENT = ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
			CognitoJwtDecoders.class.getClassLoader());

	/**
	 * The shortest {@code cognito.resource-server.jwks.refetch-cooldown} accepted (see
	 * {@link CognitoResourceServerPropertiesValidator}).
	 */
	static final Duration MIN_REFETCH_COOLDOWN = Duration.ofSeconds(1);

	private CognitoJwtDecoders() {
	}

	/**
	 * @param properties the pool's {@code cognito.*} settings
	 * @param resourceServer the {@code cognito.resource-server.*} settings
	 * @param endpoints the pool's endpoints
	 * @return a decoder for the pool's tokens
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
		CognitoJwkSource keys = pool.keys();
		NimbusJwtDecoder.JwkSourceJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwtProcessorCustomizer((processor) -> prepareKeys(processor, keys));
		customizers.forEach((customizer) -> customizer.customize(builder));
		NimbusJwtDecoder nimbus = builder.build();
		// Set after the customizers, so none can drop the Cognito checks.
		Converter<Map<String, Object>, Map<String, Object>> claimSetConverter = claimSetConverter(pool);
		nimbus.setJwtValidator(validator);
		nimbus.setClaimSetConverter(claimSetConverter);
		// A customizer may change anything in Nimbus' builder: its tokens stay with
		// Nimbus.
		JwtDecoder decoder = customizers.isEmpty() ? new VerifyingJwtDecoder(
				new PreparedKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), keys),
				new PreparedVerifierFactory(keys), claimSetConverter, validator, nimbus) : nimbus;
		JwtDecoder verifying = withTokenCache(decoder, resourceServer.getTokenCache(), clock);
		return new CognitoJwtDecoder(verifying, maxTokenLength(resourceServer), keys::instrumentation);
	}

	/**
	 * Keys converted and RSA verifiers built once per fetched key set instead of once per
	 * token. A customizer that sets its own {@code jwtProcessorCustomizer} replaces this
	 * one, and then Nimbus converts keys per token as it does by default.
	 */
	private static void prepareKeys(ConfigurableJWTProcessor<SecurityContext> processor, CognitoJwkSource keys) {
		if (processor.getJWSKeySelector() instanceof JWSVerificationKeySelector<SecurityContext> selector
				&& selector.getJWKSource() == keys) {
			processor.setJWSKeySelector(new PreparedKeySelector(selector, keys));
			processor.setJWSVerifierFactory(new PreparedVerifierFactory(keys));
		}
	}

	/**
	 * Spring's claim-set conversion, with the same result for every claim, without its
	 * look-ups for the common values (see {@link CognitoClaimSetConverter}).
	 */
	static Converter<Map<String, Object>, Map<String, Object>> claimSetConverter(CognitoPool pool) {
		return new CognitoClaimSetConverter(
				pool.acceptedIssuers().stream().map(URI::toString).collect(Collectors.toUnmodifiableSet()));
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
		return ValidatedTokenCache.wrap(verifying, settings.getMaximumSize(), settings.getMaxTtl(), clock);
	}

	/**
	 * @param pool the pool whose issuers and app clients are accepted
	 * @param settings the {@code cognito.resource-server.*} settings
	 * @param clock the clock for token lifetimes
	 * @return every Cognito check, in the order their failures are reported: issuer,
	 * lifetime, token use, app client, then the optional audience and required scopes
	 */
	public static OAuth2TokenValidator<Jwt> validator(CognitoPool pool, CognitoResourceServerProperties settings,
			Clock clock) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(CognitoIssuerValidator.forPool(pool));
		validators.add(new CognitoTimestampValidator(settings.getClockSkew(), clock));
		validators.add(new TokenUseValidator(settings.getAcceptedTokenUses()));
		if (!pool.acceptAnyClient()) {
			validators.add(new AppClientValidator(pool.acceptedClientIds()));
		}
		List<String> audiences = texts(settings.getAudiences());
		if (!audiences.isEmpty()) {
			validators.add(new ResourceAudienceValidator(audiences));
		}
		List<String> requiredScopes = texts(settings.getRequiredScopes());
		if (!requiredScopes.isEmpty()) {
			validators.add(new RequiredScopesValidator(requiredScopes));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * @param settings the {@code cognito.resource-server.jwks.*} settings
	 * @param endpoints the pool's endpoints (the JWKS URL)
	 * @param clock the clock for key caching
	 * @return the pool's keys, fetched on first use
	 */
	public static CognitoJwkSource jwkSource(Jwks settings, CognitoEndpoints endpoints, Clock clock) {
		return new CognitoJwkSource(endpoints.jwkSet(), settings.getCacheTtl(), settings.getRefetchCooldown(),
				settings.getConnectTimeout(), settings.getReadTimeout(), clock);
	}

	private static int maxTokenLength(CognitoResourceServerProperties settings) {
		return (int) settings.getMaxTokenSize().toBytes();
	}

	static List<String> texts(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList();
	}

}
