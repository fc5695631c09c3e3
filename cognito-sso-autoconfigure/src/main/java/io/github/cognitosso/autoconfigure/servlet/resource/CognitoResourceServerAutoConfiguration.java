package io.github.cognitosso.autoconfigure.servlet.resource;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.source.JWKSource;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.ConditionalOnCognitoLogin;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSourceConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoJwtAuthenticationConverter;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoderBuilderCustomizer;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.web.client.RestClient;

/**
 * Bearer-token validation the Cognito way: a {@link JwtDecoder} for the pool (RS256 keys
 * from the derived JWKS URL, fetched on the first token, never at start-up, from the
 * {@link CognitoJwkSource} that browser login shares; issuer, lifetime, {@code token_use}
 * and app client checked), the group and scope mapping, and the HTTP set-up as a
 * {@link CognitoHttpSecurityCustomizer} that the default chain and
 * {@code CognitoHttpConfigurer} apply.
 * <p>
 * Ordered before Spring Boot's resource-server auto-configurations (named: Boot moved
 * them between 4.0 and 4.1), so that Boot's own decoder backs off. Every bean backs off
 * when the application defines its own. Off in a WebFlux application, which gets
 * {@code CognitoReactiveResourceServerAutoConfiguration} instead (a blocking decoder and
 * servlet method security would be wrong there).
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnCognito
@ConditionalOnBooleanProperty(name = "cognito.resource-server.enabled", matchIfMissing = true)
@ConditionalOnClass({ JwtDecoder.class, NimbusJwtDecoder.class, JwtAuthenticationToken.class, JWKSource.class,
		RestClient.class })
@Conditional(CognitoResourceServerAutoConfiguration.NotReactiveCondition.class)
@EnableConfigurationProperties(CognitoResourceServerProperties.class)
@Import(CognitoJwkSourceConfiguration.class)
public final class CognitoResourceServerAutoConfiguration {

	/**
	 * Built from the {@link CognitoPool} bean, whose key set browser login shares: a
	 * sign-in and the API calls after it fetch the keys once. The application's
	 * {@code OAuth2TokenValidator<Jwt>} beans run after the Cognito checks, and its
	 * {@link CognitoJwtDecoderBuilderCustomizer}s are applied; the validated-token cache
	 * stays in front of both.
	 */
	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	public JwtDecoder cognitoJwtDecoder(CognitoPool pool, CognitoResourceServerProperties resourceServer,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<CognitoJwtDecoderBuilderCustomizer> customizers) {
		return CognitoJwtDecoders.forPool(pool, resourceServer, Clock.systemUTC(), validators.orderedStream().toList(),
				customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	public CognitoJwtAuthenticationConverter cognitoJwtAuthenticationConverter(CognitoProperties properties,
			CognitoResourceServerProperties resourceServer) {
		return new CognitoJwtAuthenticationConverter(new CognitoAuthoritiesMapper(properties.getAuthorities()),
				resourceServer.getPrincipalClaims());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(HttpSecurity.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BearerTokenResolver cognitoBearerTokenResolver() {
			return new CognitoBearerTokenResolver();
		}

		/** Browser login shares the chain: it needs its session. */
		@Bean
		@ConditionalOnCognitoLogin
		@ConditionalOnMissingBean
		CognitoResourceServerHttpSecurityCustomizer cognitoResourceServerHttpSecurityCustomizer(JwtDecoder jwtDecoder,
				CognitoJwtAuthenticationConverter converter, BearerTokenResolver bearerTokenResolver,
				CognitoResourceServerProperties properties, CognitoEndpoints endpoints) {
			return new CognitoResourceServerHttpSecurityCustomizer(jwtDecoder, converter, bearerTokenResolver, false,
					resourceMetadata(properties, endpoints));
		}

		/** An API without browser login keeps no session. */
		@Bean
		@Conditional(LoginInactiveCondition.class)
		@ConditionalOnMissingBean
		CognitoResourceServerHttpSecurityCustomizer cognitoStatelessResourceServerHttpSecurityCustomizer(
				JwtDecoder jwtDecoder, CognitoJwtAuthenticationConverter converter,
				BearerTokenResolver bearerTokenResolver, CognitoResourceServerProperties properties,
				CognitoEndpoints endpoints) {
			return new CognitoResourceServerHttpSecurityCustomizer(jwtDecoder, converter, bearerTokenResolver, true,
					resourceMetadata(properties, endpoints));
		}

		private static Consumer<OAuth2ProtectedResourceMetadata.Builder> resourceMetadata(
				CognitoResourceServerProperties properties, CognitoEndpoints endpoints) {
			List<String> scopes = properties.getRequiredScopes()
				.stream()
				.map(String::trim)
				.filter((scope) -> !scope.isEmpty())
				.toList();
			return CognitoResourceServerHttpSecurityCustomizer.resourceMetadata(endpoints.issuer(), scopes);
		}

	}

	/**
	 * Turns on {@code @PreAuthorize} and friends, so
	 * {@code @PreAuthorize("hasRole('admin')")} works on Cognito groups without further
	 * set-up; backs off when the application enables method security itself.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnableMethodSecurity.class)
	@ConditionalOnMissingBean(name = "preAuthorizeAuthorizationMethodInterceptor")
	@EnableMethodSecurity
	static class MethodSecurityConfiguration {

	}

	static final class LoginInactiveCondition extends NoneNestedConditions {

		LoginInactiveCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnCognitoLogin
		static final class LoginActive {

		}

	}

	/** Any application but a WebFlux one. */
	static final class NotReactiveCondition extends NoneNestedConditions {

		NotReactiveCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static final class Reactive {

		}

	}

}
