package io.github.cognitosso.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in docs/ lists every property the IDE metadata knows, and
 * the metadata has a description for each: a property added without documentation fails
 * the build.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	@Test
	void everyPropertyIsDescribedInTheMetadata() throws IOException {
		List<ConfigurationMetadataProperty> undescribed = properties().stream()
			.filter((property) -> property.getDescription() == null || property.getDescription().isBlank())
			.toList();
		assertThat(undescribed).extracting(ConfigurationMetadataProperty::getId).isEmpty();
	}

	@Test
	void everyPropertyAppearsInTheConfigurationReference() throws IOException {
		String reference = Files.readString(REFERENCE);
		List<String> missing = properties().stream()
			.map(ConfigurationMetadataProperty::getId)
			.filter((id) -> !reference.contains("`" + id + "`"))
			.toList();
		assertThat(missing).as("properties missing from %s", REFERENCE).isEmpty();
	}

	@Test
	void metadataCoversTheFoundationProperties() throws IOException {
		assertThat(properties()).extracting(ConfigurationMetadataProperty::getId)
			.contains("cognito.enabled", "cognito.region", "cognito.user-pool-id", "cognito.domain",
					"cognito.client-id", "cognito.client-secret", "cognito.scopes", "cognito.issuer-uri",
					"cognito.jwk-set-uri", "cognito.endpoints.token-uri");
	}

	private static List<ConfigurationMetadataProperty> properties() throws IOException {
		try (InputStream generated = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			ConfigurationMetadataRepository repository = ConfigurationMetadataRepositoryJsonBuilder.create(generated)
				.build();
			return repository.getAllProperties()
				.values()
				.stream()
				.filter((property) -> property.getId().startsWith("cognito."))
				.toList();
		}
	}

}
