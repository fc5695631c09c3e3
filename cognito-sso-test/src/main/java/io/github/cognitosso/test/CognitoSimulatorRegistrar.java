package io.github.cognitosso.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers the simulator of {@link EnableCognitoSimulator} and the registrar of its {@code cognito.*} properties.
 */
class CognitoSimulatorRegistrar implements ImportBeanDefinitionRegistrar {

	static final String SIMULATOR_BEAN = "cognitoSimulator";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(SIMULATOR_BEAN)) {
			return;
		}
		MergedAnnotation<EnableCognitoSimulator> annotation = metadata.getAnnotations()
			.get(EnableCognitoSimulator.class);
		String clientId = annotation.isPresent() ? annotation.getString("clientId") : "demo-client";
		String config = annotation.isPresent() ? annotation.getString("config") : "";
		RootBeanDefinition simulator = new RootBeanDefinition(CognitoSimulator.class, () -> create(config));
		simulator.setDestroyMethodName("close");
		registry.registerBeanDefinition(SIMULATOR_BEAN, simulator);
		RootBeanDefinition properties = new RootBeanDefinition(SimulatorProperties.class);
		properties.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(SIMULATOR_BEAN));
		properties.getConstructorArgumentValues().addIndexedArgumentValue(1, clientId);
		registry.registerBeanDefinition("cognitoSimulatorProperties", properties);
	}

	/**
	 * Points {@code cognito.*} at the running simulator, for the configured app client.
	 */
	static final class SimulatorProperties implements DynamicPropertyRegistrar {

		private final CognitoSimulator simulator;

		private final String clientId;

		SimulatorProperties(CognitoSimulator simulator, String clientId) {
			this.simulator = simulator;
			this.clientId = clientId;
		}

		@Override
		public void accept(DynamicPropertyRegistry registry) {
			this.simulator.properties(this.clientId).forEach((name, value) -> registry.add(name, () -> value));
		}

	}

	private static CognitoSimulator create(String config) {
		if (config.isEmpty()) {
			return CognitoSimulator.demo().build().start();
		}
		try (InputStream in = new ClassPathResource(config).getInputStream()) {
			return CognitoSimulator.fromYaml(in).build().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Cognito simulator configuration " + config, ex);
		}
	}

}
