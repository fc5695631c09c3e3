package io.github.cognitosso.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UseCognitoSimulator}: the simulator starts only when the fully loaded
 * configuration names no user pool, and then its values win over every other property
 * source.
 */
class UseCognitoSimulatorTests {

	@Test
	void withoutAPoolTheSimulatorStartsAndWinsOverEmptyPlaceholdersOfTheApplicationsFiles() {
		CognitoSimulator simulator;
		try (ConfigurableApplicationContext context = run(DemoPool.class, "--spring.profiles.active=emptypool",
				"--cognito.client-id=")) {
			simulator = context.getBean(CognitoSimulator.class);
			assertThat(simulator.isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("cognito.user-pool-id")).isEqualTo(simulator.userPoolId());
			assertThat(context.getEnvironment().getProperty("cognito.issuer-uri")).isEqualTo(simulator.issuer());
			assertThat(context.getEnvironment().getProperty("cognito.domain")).isEqualTo(simulator.baseUrl());
			assertThat(context.getEnvironment().getProperty("cognito.client-id")).isEqualTo("demo-client");
			assertThat(context.getEnvironment().getProperty("cognito.client-secret")).isEqualTo("demo-secret");
		}
		assertThat(simulator.isRunning()).isFalse();
	}

	@Test
	void aPoolInSpringApplicationJsonKeepsTheSimulatorOff() {
		try (ConfigurableApplicationContext context = run(DemoPool.class, "--spring.profiles.active=emptypool",
				"--spring.application.json={\"cognito\":{\"user-pool-id\":\"eu-west-1_RealPool1\"}}")) {
			assertRealPool(context, "eu-west-1_RealPool1");
		}
	}

	@Test
	void aPoolInAnAdditionalConfigFileKeepsTheSimulatorOff(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("pool.yml"), "cognito:\n  user-pool-id: eu-west-1_RealPool2\n");
		try (ConfigurableApplicationContext context = run(DemoPool.class, "--spring.profiles.active=emptypool",
				"--spring.config.additional-location=file:" + file)) {
			assertRealPool(context, "eu-west-1_RealPool2");
		}
	}

	@Test
	void aPoolInAProfileKeepsTheSimulatorOff(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("application-aws.yml"), "cognito:\n  user-pool-id: eu-west-1_RealPool3\n");
		try (ConfigurableApplicationContext context = run(DemoPool.class, "--spring.profiles.active=emptypool,aws",
				"--spring.config.additional-location=file:" + directory + "/")) {
			assertRealPool(context, "eu-west-1_RealPool3");
		}
	}

	@Test
	void disabledStarterKeepsTheSimulatorOff() {
		try (ConfigurableApplicationContext context = run(DemoPool.class, "--cognito.enabled=false")) {
			assertThat(context.getBeansOfType(CognitoSimulator.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("cognito.user-pool-id")).isNull();
		}
	}

	@Test
	void applicationsWithoutTheAnnotationAreLeftAlone() {
		try (ConfigurableApplicationContext context = run(Plain.class)) {
			assertThat(context.getBeansOfType(CognitoSimulator.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("cognito.user-pool-id")).isNull();
		}
	}

	@Test
	void aNamedMachineClientFillsTheClientCredentialsProperties() {
		try (ConfigurableApplicationContext context = run(MachinePool.class)) {
			assertThat(context.getEnvironment().getProperty("cognito.client-id")).isEqualTo("web");
			assertThat(context.getEnvironment().getProperty("cognito.client-credentials.client-id")).isEqualTo("robot");
			assertThat(context.getEnvironment().getProperty("cognito.client-credentials.client-secret"))
				.isEqualTo("robot-secret");
			assertThat(context.getEnvironment().getProperty("cognito.client-credentials.scopes"))
				.isEqualTo("inventory/read,inventory/write");
			assertThat(context.getEnvironment().getProperty("cognito.resource-server.accepted-client-ids"))
				.isEqualTo("robot");
			assertThat(context.getBean(CognitoSimulator.class).user("erin").groups()).isEmpty();
		}
	}

	private static void assertRealPool(ConfigurableApplicationContext context, String pool) {
		assertThat(context.getBeansOfType(CognitoSimulator.class)).isEmpty();
		assertThat(context.getEnvironment().getProperty("cognito.user-pool-id")).isEqualTo(pool);
		assertThat(context.getEnvironment().getProperty("cognito.issuer-uri")).isNull();
		assertThat(context.getEnvironment()
			.getPropertySources()
			.contains(CognitoSimulatorEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	private static ConfigurableApplicationContext run(Class<?> source, String... args) {
		return new SpringApplicationBuilder(Application.class, source).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

	}

	@UseCognitoSimulator
	static class DemoPool {

	}

	@UseCognitoSimulator(config = "classpath:machine-pool.yml", clientId = "web", machineClientId = "robot")
	static class MachinePool {

	}

	static class Plain {

	}

}
