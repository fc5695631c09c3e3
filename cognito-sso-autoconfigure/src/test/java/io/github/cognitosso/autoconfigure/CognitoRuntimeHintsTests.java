package io.github.cognitosso.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's runtime hints, as Spring's AOT processing finds them (through
 * {@code META-INF/spring/aot.factories}).
 */
class CognitoRuntimeHintsTests {

	@Test
	void aotProcessingFindsTheHintsForEveryTypeTheStarterLooksUpByName() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));

		List<String> types = new ArrayList<>(CognitoRuntimeHints.TYPES_LOOKED_UP_BY_NAME);
		types.add("io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials");
		assertThat(types)
			.allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(type)))
				.accepts(hints));
	}

}
