package io.github.cognitosso.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.cognitosso.autoconfigure.core.CognitoLoginProperties;
import io.github.cognitosso.autoconfigure.core.CognitoLogoutProperties;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsProperties;
import io.github.cognitosso.autoconfigure.servlet.gateway.CognitoGatewayProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a duration property does with a number written without a unit, checked against
 * what the configuration reference says of it: seconds everywhere, except where it used
 * to mean milliseconds ({@code cognito.resource-server.clock-skew=100}), which fails the
 * start-up instead of silently becoming 100 s.
 */
class DurationWithoutUnitTests {

	private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	private static final Pattern UNITLESS = Pattern
		.compile("A number without a unit is (seconds|rejected at start-up)");

	/** Named clients are one map in the metadata; their durations are listed here. */
	private static final List<String> NAMED_CLIENT_DURATIONS = List.of(
			"cognito.client-credentials.clients.<name>.expiry-margin",
			"cognito.client-credentials.clients.<name>.token-connect-timeout",
			"cognito.client-credentials.clients.<name>.token-read-timeout",
			"cognito.client-credentials.clients.<name>.token-failure-backoff",
			"cognito.client-credentials.clients.<name>.token-failure-backoff-max");

	/** The feature properties classes, by prefix. */
	private static final Map<String, Class<?>> GROUPS = Map.of("cognito.resource-server",
			CognitoResourceServerProperties.class, "cognito.login", CognitoLoginProperties.class, "cognito.logout",
			CognitoLogoutProperties.class, "cognito.client-credentials", CognitoClientCredentialsProperties.class,
			"cognito.gateway", CognitoGatewayProperties.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs");

	@Test
	void clockSkewOfOneHundredFailsTheStartupAskingForTheUnit() {
		this.runner.withPropertyValues("cognito.resource-server.clock-skew=100").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis report = new CognitoConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(report.getDescription())
				.contains("Property: cognito.resource-server.clock-skew\n    Value: \"100\"");
			assertThat(report.getAction()).contains("Write the unit: 100ms or 100s.");
		});
	}

	@Test
	void clockSkewWithAUnitStartsAsWritten() {
		this.runner.withPropertyValues("cognito.resource-server.clock-skew=100ms")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(
				((CognitoResourceServerProperties) bind("cognito.resource-server.clock-skew", "100ms")).getClockSkew())
			.isEqualTo(Duration.ofMillis(100));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("durationProperties")
	void numberWithoutUnitBindsAsTheReferenceSays(String property) throws IOException {
		String row = referenceRow(property);
		Matcher unit = UNITLESS.matcher(row);
		assertThat(unit.find()).as("%s says what a number without a unit means: %s", property, row).isTrue();
		String bound = property.replace("<name>", "billing");
		if (unit.group(1).equals("seconds")) {
			assertThat(value(bind(bound, "100"), bound)).isEqualTo(Duration.ofSeconds(100));
		}
		else {
			this.runner.withPropertyValues(bound + "=100").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(
						new CognitoConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
					.contains("Property: " + bound + "\n");
			});
		}
	}

	static Stream<String> durationProperties() throws IOException {
		List<String> properties = new ArrayList<>();
		try (InputStream generated = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			for (ConfigurationMetadataProperty property : ConfigurationMetadataRepositoryJsonBuilder.create(generated)
				.build()
				.getAllProperties()
				.values()) {
				if (property.getId().startsWith("cognito.") && Duration.class.getName().equals(property.getType())) {
					properties.add(property.getId());
				}
			}
		}
		assertThat(properties).contains("cognito.resource-server.clock-skew", "cognito.login.timeout");
		properties.addAll(NAMED_CLIENT_DURATIONS);
		return properties.stream().sorted();
	}

	private static String referenceRow(String property) throws IOException {
		return Files.readAllLines(REFERENCE)
			.stream()
			.filter((line) -> line.startsWith("| `" + property + "` |"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(property + " has no row in " + REFERENCE));
	}

	/** The properties class that binds the property, bound from the property alone. */
	private static Object bind(String property, String value) {
		Map.Entry<String, Class<?>> group = group(property);
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(property, value)));
		return binder.bind(group.getKey(), Bindable.of(group.getValue()))
			.map(Object.class::cast)
			.orElseGet(() -> BeanUtils.instantiateClass(group.getValue()));
	}

	private static Map.Entry<String, Class<?>> group(String property) {
		for (Map.Entry<String, Class<?>> group : GROUPS.entrySet()) {
			if (property.startsWith(group.getKey() + ".")) {
				return group;
			}
		}
		return Map.entry("cognito", CognitoProperties.class);
	}

	/**
	 * cognito.client-credentials.clients.billing.expiry-margin read as
	 * clients[billing].expiryMargin
	 */
	private static Object value(Object properties, String property) {
		String path = property.substring(group(property).getKey().length() + 1)
			.replace("clients.billing.", "clients[billing].");
		StringBuilder camel = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '-') {
				camel.append(Character.toUpperCase(path.charAt(++i)));
			}
			else {
				camel.append(c);
			}
		}
		return new BeanWrapperImpl(properties).getPropertyValue(camel.toString());
	}

}
