package io.github.cognitosso.autoconfigure.reactive.resource;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.ConditionalOnCognitoLogin;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSourceConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoJwtAuthenticationConverter;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoderBuilderCustomizer;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/**
 * Bearer-token validation the Cognito way on Spring WebFlux: a {@link ReactiveJwtDecoder}
 * over the core's decoder (the same checks, cache and {@code CognitoJwkSource} as on
 * Spring MVC, keys fetched on the first token, never at start-up, and never on an
 * event-loop thread), the group and scope mapping, and the chain set-up as a
 * {@link CognitoServerHttpSecurityCustomizer} that the default
 * {@code SecurityWebFilterChain} and {@code CognitoServerHttpSecurity} apply.
 * <p>
 * Ordered before Spring Boot's reactive resource-server auto-configurations (named: Boot
 * moves them between versions), so that Boot's own decoder backs off. Every bean backs
 * off when the application defines its own.
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnCognito
@ConditionalOnBooleanProperty(name = "cognito.resource-server.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ReactiveJwtDecoder.class, NimbusJwtDecoder.class, JwtReactiveAuthenticationManager.class,
		JWKSource.class, ServerHttpSecurity.class, Mono.class })
@EnableConfigurationProperties(CognitoResourceServerProperties.class)
@Import(CognitoJwkSourceConfiguration.class)
public final class CognitoReactiveResourceServerAutoConfiguration {

	/**
	 * Built from the {@link CognitoPool} bean like the servlet decoder: the same
	 * validators (the application's {@code OAuth2TokenValidator<Jwt>} beans after the
	 * Cognito checks), the same {@link CognitoJwtDecoderBuilderCustomizer}s, the
	 * validated-token cache in front.
	 */
	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	public ReactiveJwtDecoder cognitoReactiveJwtDecoder(CognitoPool pool,
			CognitoResourceServerProperties resourceServer, ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<CognitoJwtDecoderBuilderCustomizer> customizers) {
		return new CognitoReactiveJwtDecoder(CognitoJwtDecoders.forPool(pool, resourceServer, Clock.systemUTC(),
				validators.orderedStream().toList(), customizers.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	public CognitoJwtAuthenticationConverter cognitoJwtAuthenticationConverter(CognitoProperties properties,
			CognitoResourceServerProperties resourceServer) {
		return new CognitoJwtAuthenticationConverter(new CognitoAuthoritiesMapper(properties.getAuthorities()),
				resourceServer.getPrincipalClaims());
	}

	/**
	 * Reads the bearer token with the servlet resolver's rules; replace it with a bean of
	 * this name.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "cognitoServerBearerTokenConverter")
	ServerAuthenticationConverter cognitoServerBearerTokenConverter() {
		return new CognitoServerBearerTokenConverter();
	}

	/** Browser login shares the chain: it needs its session. */
	@Bean
	@ConditionalOnCognitoLogin
	@ConditionalOnMissingBean
	CognitoReactiveResourceServerCustomizer cognitoReactiveResourceServerCustomizer(ReactiveJwtDecoder jwtDecoder,
			CognitoJwtAuthenticationConverter converter,
			@Qualifier("cognitoServerBearerTokenConverter") ServerAuthenticationConverter cognitoServerBearerTokenConverter) {
		return new CognitoReactiveResourceServerCustomizer(jwtDecoder, converter, cognitoServerBearerTokenConverter,
				false);
	}

	/** An API without browser login keeps no session. */
	@Bean
	@Conditional(LoginInactiveCondition.class)
	@ConditionalOnMissingBean
	CognitoReactiveResourceServerCustomizer cognitoStatelessReactiveResourceServerCustomizer(
			ReactiveJwtDecoder jwtDecoder, CognitoJwtAuthenticationConverter converter,
			@Qualifier("cognitoServerBearerTokenConverter") ServerAuthenticationConverter cognitoServerBearerTokenConverter) {
		return new CognitoReactiveResourceServerCustomizer(jwtDecoder, converter, cognitoServerBearerTokenConverter,
				true);
	}

	/**
	 * Turns on {@code @PreAuthorize} and friends for reactive methods (those returning a
	 * {@code Mono} or {@code Flux}), so {@code @PreAuthorize("hasRole('admin')")} works
	 * on Cognito groups without further set-up; backs off when the application enables
	 * method security itself ({@code @EnableReactiveMethodSecurity}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnableReactiveMethodSecurity.class)
	@ConditionalOnMissingBean(name = "preAuthorizeAuthorizationMethodInterceptor")
	@EnableReactiveMethodSecurity
	static class ReactiveMethodSecurityConfiguration {

	}

	static final class LoginInactiveCondition extends NoneNestedConditions {

		LoginInactiveCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnCognitoLogin
		static final class LoginActive {

		}

	}

}
