package io.github.cognitosso.docs.resourceserver;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoderBuilderCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A check of the application's own, and a decoder customizer, as beans: the starter's
 * decoder picks both up.
 */
@Configuration(proxyBeanMethods = false)
class ExtraChecksConfiguration {

	// tag::extra-check[]
	@Bean
	OAuth2TokenValidator<Jwt> tenantValidator() {
		return (jwt) -> jwt.hasClaim("custom:tenant") ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "The token names no tenant", null));
	}
	// end::extra-check[]

	// tag::decoder-customizer[]
	@Bean
	CognitoJwtDecoderBuilderCustomizer typHeaderRequired() {
		// Cognito's tokens say typ: JWT; Nimbus also accepts tokens without a typ header.
		return (builder) -> builder.jwtProcessorCustomizer(
				(processor) -> processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT)));
	}
	// end::decoder-customizer[]

}
