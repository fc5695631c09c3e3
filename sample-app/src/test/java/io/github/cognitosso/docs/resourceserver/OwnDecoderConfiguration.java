package io.github.cognitosso.docs.resourceserver;

import java.time.Clock;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.resource.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.resource.CognitoJwtDecoders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A decoder of the application's own, built from the Cognito validators and key source plus a check of its own.
 */
@Configuration(proxyBeanMethods = false)
class OwnDecoderConfiguration {

	// tag::own-decoder[]
	@Bean
	JwtDecoder jwtDecoder(CognitoProperties properties, CognitoEndpoints endpoints) {
		OAuth2TokenValidator<Jwt> cognito = CognitoJwtDecoders.validator(properties, endpoints, Clock.systemUTC());
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(CognitoJwtDecoders.jwkSource(properties.getResourceServer().getJwks(), endpoints,
					Clock.systemUTC()))
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(cognito, new MyTenantValidator()));
		return new CognitoJwtDecoder(decoder, 16 * 1024);
	}
	// end::own-decoder[]

	/** A check of the application's own: the token names a tenant. */
	static final class MyTenantValidator implements OAuth2TokenValidator<Jwt> {

		@Override
		public OAuth2TokenValidatorResult validate(Jwt jwt) {
			return jwt.hasClaim("custom:tenant") ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Invalid tenant", null));
		}

	}

}
