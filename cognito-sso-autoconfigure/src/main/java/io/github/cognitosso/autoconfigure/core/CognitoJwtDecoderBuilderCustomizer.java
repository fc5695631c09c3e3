package io.github.cognitosso.autoconfigure.core;

import org.springframework.security.oauth2.jwt.NimbusJwtDecoder.JwkSourceJwtDecoderBuilder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Customizes the {@link NimbusJwtDecoder} of bearer-token validation before it is built,
 * for what a {@code OAuth2TokenValidator<Jwt>} bean cannot do (the accepted algorithms,
 * the Nimbus JWT processor). Define a bean of this type; every one is applied, in
 * {@code @Order}, after the starter's own settings (RS256 only, the pool's keys), and the
 * decoder still gets the Cognito checks, the size limit and the validated-token cache.
 * <p>
 * To add a check, define an {@code OAuth2TokenValidator<Jwt>} bean instead: it runs after
 * the Cognito checks.
 */
@FunctionalInterface
public interface CognitoJwtDecoderBuilderCustomizer {

	/**
	 * @param builder the builder of the decoder that verifies signatures and validates
	 * tokens
	 */
	void customize(JwkSourceJwtDecoderBuilder builder);

}
