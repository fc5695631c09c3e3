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
 * <p>
 * Without a customizer, the starter verifies tokens with a decoder of its own that gives
 * every token the verdict {@code NimbusJwtDecoder} gives it, with less work per token
 * (the header parsed once, the JDK's base64 and {@code Signature}; docs/benchmarks.md). A
 * customizer may change anything in Nimbus' builder, so with one (or more) the tokens are
 * verified by the {@code NimbusJwtDecoder} it customized, which costs a few microseconds
 * more per token the validated-token cache has not seen.
 */
@FunctionalInterface
public interface CognitoJwtDecoderBuilderCustomizer {

	/**
	 * @param builder the builder of the decoder that verifies signatures and validates
	 * tokens
	 */
	void customize(JwkSourceJwtDecoderBuilder builder);

}
