package io.github.cognitosso.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Backs {@link EnableCognitoSimulator}: starts the simulator and adds its
 * {@code cognito.*} properties to the environment before the context refreshes, where
 * auto-configuration conditions can see them (properties of a
 * {@code DynamicPropertyRegistrar} bean arrive too late for conditions).
 */
class CognitoSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EnableCognitoSimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EnableCognitoSimulator.class);
		return (annotation != null) ? new SimulatorCustomizer(annotation.clientId(), annotation.config()) : null;
	}

	/**
	 * Equal for equal settings, so Spring's test-context cache shares one context (and
	 * simulator) between them.
	 */
	static final class SimulatorCustomizer implements ContextCustomizer {

		static final String BEAN_NAME = "cognitoSimulator";

		private final String clientId;

		private final String config;

		SimulatorCustomizer(String clientId, String config) {
			this.clientId = clientId;
			this.config = config;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			CognitoSimulator simulator = CognitoSimulator.fromClasspathOrDemo(this.config).build().start();
			Map<String, Object> properties = new LinkedHashMap<>(simulator.properties(this.clientId));
			// First: the simulator's values win over the application's own files, even
			// over empty
			// ${COGNITO_...:} placeholders in its application.yml or an
			// application-test.yml.
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
			context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
			context.addApplicationListener(new SimulatorApplicationUrls(simulator, this.clientId, false));
			context.addApplicationListener((ContextClosedEvent event) -> simulator.close());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SimulatorCustomizer that && this.clientId.equals(that.clientId)
					&& this.config.equals(that.config);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.clientId, this.config);
		}

	}

}
