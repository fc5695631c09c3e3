package io.github.cognitosso.autoconfigure.actuate;

import java.time.Clock;
import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.TokenCacheStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cognito on Actuator, with nothing to configure: the {@code cognito} health contributor,
 * the {@code cognito} info contributor, and the core's reports
 * ({@link CognitoInstrumentation}) as Micrometer meters and observations. Each part backs
 * off without its Actuator module; {@code management.health.cognito.enabled=false} and
 * {@code management.info.cognito.enabled=false} switch the contributors off the Boot way.
 * <p>
 * The instrumentation is one {@link CognitoInstrumentation} bean, which the core's key
 * source (and through it every decoder of the pool) and the machine-to-machine clients
 * are built with; an application that defines its own replaces it.
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnCognito
public final class CognitoActuatorAutoConfiguration {

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class InstrumentationConfiguration {

		@Bean
		@ConditionalOnMissingBean(CognitoInstrumentation.class)
		MicrometerCognitoInstrumentation cognitoInstrumentation(ObjectProvider<MeterRegistry> meterRegistry,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			return new MicrometerCognitoInstrumentation(meterRegistry.getIfUnique(), observationRegistry.getIfUnique(),
					Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry", JWT_DECODER })
	static class TokenCacheMetricsConfiguration {

		/**
		 * The decoder is looked up when the meters are bound: the Spring MVC one, or the
		 * core decoder inside the WebFlux one.
		 */
		@Bean
		CognitoTokenCacheMetrics cognitoTokenCacheMetrics(ListableBeanFactory beans) {
			return new CognitoTokenCacheMetrics(() -> tokenCache(new CognitoFeatures(beans).decoder()));
		}

		private static TokenCacheStatistics tokenCache(CognitoJwtDecoder decoder) {
			return (decoder != null) ? decoder.tokenCache().orElse(null) : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken")
	static class BrowserSessionConfiguration {

		@Bean
		static BrowserSessionEventListener cognitoBrowserSessionEventListener(
				ObjectProvider<CognitoInstrumentation> instrumentation) {
			return new BrowserSessionEventListener(
					() -> instrumentation.getIfUnique(() -> CognitoInstrumentation.NONE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("cognito")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "cognitoHealthIndicator")
		HealthIndicator cognitoHealthIndicator(ObjectProvider<CognitoJwkSource> keys,
				ObjectProvider<CognitoInstrumentation> instrumentation) {
			return new CognitoHealthIndicator(keys.getIfUnique(), () -> {
				CognitoInstrumentation current = instrumentation.getIfUnique();
				return (current instanceof MicrometerCognitoInstrumentation micrometer) ? micrometer.lastTokenRequests()
						: Map.of();
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	@ConditionalOnEnabledInfoContributor("cognito")
	static class InfoConfiguration {

		/**
		 * The features' beans are looked up by type at each call, each only when its
		 * (optional) type is on the class path: a method parameter naming one would fail
		 * where it is absent.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "cognitoInfoContributor")
		InfoContributor cognitoInfoContributor(CognitoEndpoints endpoints, ObjectProvider<CognitoPool> pool,
				ListableBeanFactory beans) {
			CognitoPool current = pool.getIfUnique();
			return new CognitoInfoContributor(endpoints,
					(current != null) ? current.acceptedIssuers() : endpoints.acceptedIssuers(),
					() -> new CognitoFeatures(beans).describe());
		}

	}

}
