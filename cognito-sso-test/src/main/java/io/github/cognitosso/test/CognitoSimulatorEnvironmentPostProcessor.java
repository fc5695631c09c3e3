package io.github.cognitosso.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Backs {@link UseCognitoSimulator}: after every property source of the application is
 * loaded, starts the simulator when no user pool is configured and puts its
 * {@code cognito.*} values first. Applications without the annotation on one of their
 * sources are left alone.
 */
final class CognitoSimulatorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "cognitoSimulator";

	/** Set by Spring's AOT processing ({@code AbstractAotProcessor.AOT_PROCESSING}). */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	private final Log log;

	CognitoSimulatorEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(CognitoSimulatorEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After config data, SPRING_APPLICATION_JSON and every other contributor of
		// properties.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		UseCognitoSimulator settings = findSettings(application);
		if (settings == null || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		if (!environment.getProperty("cognito.enabled", Boolean.class, true)) {
			this.log.info("cognito.enabled is false: the local Cognito simulator is not started");
			return;
		}
		String configuredPool = configuredUserPool(environment);
		if (configuredPool != null) {
			this.log.info("Using the Amazon Cognito user pool " + configuredPool
					+ " (cognito.user-pool-id): the local Cognito simulator is not started");
			return;
		}
		CognitoSimulator simulator = CognitoSimulator.fromClasspathOrDemo(settings.config()).build().start();
		Map<String, Object> properties = simulatorProperties(simulator, settings);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			// Spring's AOT build (process-aot) evaluates the conditions on these
			// properties but never refreshes the context, so nothing would close the
			// simulator and the build would hang; the run starts one of its own.
			simulator.close();
			return;
		}
		this.log.info("No Amazon Cognito user pool is configured (cognito.user-pool-id): running against the local "
				+ "Cognito simulator at " + simulator.baseUrl() + ", user pool " + simulator.userPoolId()
				+ ", app client " + settings.clientId() + ". Set cognito.user-pool-id (or COGNITO_USER_POOL_ID) "
				+ "to use a real user pool.");
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton(PROPERTY_SOURCE_NAME, simulator);
			context.addApplicationListener(new SimulatorApplicationUrls(simulator, settings.clientId(), true));
			context.addApplicationListener((ContextClosedEvent event) -> simulator.close());
			context.addApplicationListener((ApplicationFailedEvent event) -> simulator.close());
		});
	}

	private static UseCognitoSimulator findSettings(SpringApplication application) {
		for (Object source : application.getAllSources()) {
			if (source instanceof Class<?> type) {
				MergedAnnotations annotations = MergedAnnotations.from(type,
						MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
				if (annotations.isPresent(UseCognitoSimulator.class)) {
					return annotations.get(UseCognitoSimulator.class).synthesize();
				}
			}
		}
		return null;
	}

	/**
	 * @return the pool id as the starter will see it, or {@code null} when none is set; a
	 * value that cannot be resolved counts as set, so the starter reports it instead of a
	 * simulator hiding it
	 */
	private static String configuredUserPool(ConfigurableEnvironment environment) {
		try {
			String pool = environment.getProperty("cognito.user-pool-id");
			return StringUtils.hasText(pool) ? pool : null;
		}
		catch (IllegalArgumentException ex) {
			return "(unresolvable: " + ex.getMessage() + ")";
		}
	}

	static Map<String, Object> simulatorProperties(CognitoSimulator simulator, UseCognitoSimulator settings) {
		Map<String, Object> properties = new LinkedHashMap<>(simulator.properties(settings.clientId()));
		if (!settings.machineClientId().isEmpty()) {
			SimulatedClient machine = simulator.client(settings.machineClientId());
			properties.put("cognito.client-credentials.client-id", machine.clientId());
			properties.put("cognito.client-credentials.client-secret", machine.clientSecret());
			properties.put("cognito.client-credentials.scopes", String.join(",", machine.scopes()));
			properties.put("cognito.resource-server.accepted-client-ids", machine.clientId());
		}
		return properties;
	}

}
