package io.github.cognitosso.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;

import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Which Cognito features are on, read from the beans in use (so an application's own
 * replacements count): bearer tokens (and the validated-token cache), browser login, the
 * machine-to-machine clients by name. Each feature's types are optional, so each is
 * looked up by class name first.
 */
final class CognitoFeatures {

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	private static final String CLIENT_REGISTRATIONS = "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository";

	private static final String REACTIVE_JWT_DECODER = "io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveJwtDecoder";

	private static final String REACTOR = "reactor.core.publisher.Mono";

	static final String CLIENT_CREDENTIALS = "io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials";

	private final ListableBeanFactory beans;

	CognitoFeatures(ListableBeanFactory beans) {
		this.beans = beans;
	}

	Map<String, Object> describe() {
		Map<String, Object> features = new LinkedHashMap<>();
		CognitoJwtDecoder decoder = decoder();
		features.put("bearerTokens", decoder != null);
		features.put("validatedTokenCache", decoder != null && decoder.tokenCache().isPresent());
		features.put("browserLogin", bean(
				CLIENT_REGISTRATIONS) instanceof org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations
				&& registrations.findByRegistrationId("cognito") != null);
		features.put("clientCredentials", (bean(
				CLIENT_CREDENTIALS) instanceof io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials clients)
						? List.copyOf(clients.clientNames()) : List.of());
		return features;
	}

	/**
	 * @return the application's Cognito bearer-token decoder: the Spring MVC one, or the
	 * core decoder inside the WebFlux one; {@code null} when the application decodes
	 * bearer tokens another way, or not at all
	 */
	CognitoJwtDecoder decoder() {
		if (bean(JWT_DECODER) instanceof CognitoJwtDecoder cognito) {
			return cognito;
		}
		ClassLoader classLoader = CognitoFeatures.class.getClassLoader();
		if (ClassUtils.isPresent(REACTIVE_JWT_DECODER, classLoader) && ClassUtils.isPresent(REACTOR, classLoader)) {
			return ReactiveDecoder.find(this.beans);
		}
		return null;
	}

	/** Names WebFlux types: loaded only when they are on the class path. */
	private static final class ReactiveDecoder {

		static CognitoJwtDecoder find(ListableBeanFactory beans) {
			return (beans.getBeanProvider(org.springframework.security.oauth2.jwt.ReactiveJwtDecoder.class)
				.getIfUnique() instanceof io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveJwtDecoder reactive)
						? reactive.cognitoDecoder().orElse(null) : null;
		}

	}

	/**
	 * The adapter types this class looks up by name, for a native image (the starter's
	 * other such types are in {@code CognitoRuntimeHints}).
	 */
	static class RuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(org.springframework.aot.hint.RuntimeHints hints, ClassLoader classLoader) {
			hints.reflection().registerType(TypeReference.of(CLIENT_CREDENTIALS));
			hints.reflection().registerType(TypeReference.of(REACTIVE_JWT_DECODER));
		}

	}

	private Object bean(String typeName) {
		ClassLoader classLoader = CognitoFeatures.class.getClassLoader();
		if (!ClassUtils.isPresent(typeName, classLoader)) {
			return null;
		}
		return this.beans.getBeanProvider(ClassUtils.resolveClassName(typeName, classLoader)).getIfUnique();
	}

}
