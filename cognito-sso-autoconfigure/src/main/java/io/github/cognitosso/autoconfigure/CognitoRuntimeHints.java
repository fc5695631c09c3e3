package io.github.cognitosso.autoconfigure;

import java.util.List;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The hints the starter needs beyond what Spring's AOT processing infers from the bean
 * definitions: the types it looks up by name to decide at run time whether an optional
 * part is there (Caffeine for the validated-token cache; the decoder and the login
 * registrations for the {@code cognito} info contributor, whose look-up of the
 * machine-to-machine clients {@code actuate} registers itself). A native image resolves
 * {@code Class.forName} only for types it was told about; on the JVM the hints are
 * unused. Properties, beans and the JSON the starter reads (maps, parsed by Nimbus and
 * Boot's JSON parser) need none.
 */
class CognitoRuntimeHints implements RuntimeHintsRegistrar {

	static final List<String> TYPES_LOOKED_UP_BY_NAME = List.of("com.github.benmanes.caffeine.cache.Caffeine",
			"org.springframework.security.oauth2.jwt.JwtDecoder",
			"org.springframework.security.oauth2.client.registration.ClientRegistrationRepository");

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		for (String type : TYPES_LOOKED_UP_BY_NAME) {
			hints.reflection().registerType(TypeReference.of(type));
		}
	}

}
