package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's signing keys as one {@link CognitoJwkSource} bean, shared by bearer-token
 * validation and by the ID-token check at browser login: one key set fetched and cached
 * once, one cooldown, one size limit, one set of timeouts
 * ({@code cognito.resource-server.jwks.*}). Imported by the resource-server and the login
 * auto-configurations, so it exists whenever either is on, and with browser login alone
 * ({@code cognito.resource-server.enabled=false}); so do the
 * {@link CognitoResourceServerProperties} bean that holds those settings and the
 * {@link CognitoPool} bean that both decoders are built from.
 * <p>
 * Looked up by its own type, not as any {@code JWKSource}: an application that is also an
 * authorization server has a {@code JWKSource} bean of its own signing keys, which must
 * never decide whether a Cognito token is valid.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CognitoResourceServerProperties.class)
public final class CognitoJwkSourceConfiguration {

	/**
	 * Checks {@code cognito.resource-server.*} when it is bound, also when the
	 * application defines its own key source or decoder: not replaceable, and static so
	 * that it is ready before the settings are bound.
	 */
	@Bean
	static CognitoResourceServerValidationPostProcessor cognitoResourceServerValidationPostProcessor(
			ObjectProvider<CognitoProperties> properties) {
		return new CognitoResourceServerValidationPostProcessor(properties);
	}

	/**
	 * Instrumented by the {@link CognitoInstrumentation} bean when there is one (the
	 * {@code actuate} package's, with Actuator), which the decoders built on these keys
	 * report to as well.
	 * <p>
	 * The key cache runs on the system clock, never on an application {@code Clock} bean:
	 * a fixed or test clock would keep stale keys forever and allow a single refetch for
	 * an unknown key.
	 */
	@Bean
	@ConditionalOnMissingBean
	public CognitoJwkSource cognitoJwkSource(CognitoResourceServerProperties properties, CognitoEndpoints endpoints,
			ObjectProvider<CognitoInstrumentation> instrumentation) {
		CognitoJwkSource source = CognitoJwtDecoders.jwkSource(properties.getJwks(), endpoints, Clock.systemUTC());
		instrumentation.ifUnique(source::setInstrumentation);
		return source;
	}

	/**
	 * The pool as one value (endpoints, accepted app clients and issuers, keys), built
	 * from the beans in use, so an application's own {@link CognitoEndpoints} or
	 * {@link CognitoJwkSource} is the pool's.
	 */
	@Bean
	@ConditionalOnMissingBean
	public CognitoPool cognitoPool(CognitoProperties properties, CognitoResourceServerProperties resourceServer,
			CognitoEndpoints endpoints, CognitoJwkSource jwkSource) {
		return CognitoPool.from(properties, resourceServer, endpoints, jwkSource);
	}

}
