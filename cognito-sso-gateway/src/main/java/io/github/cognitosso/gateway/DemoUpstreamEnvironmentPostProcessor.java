package io.github.cognitosso.gateway;

import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the {@link DemoUpstream} when, and only when, no source of configuration names
 * an upstream ({@code cognito.gateway.upstream-uri},
 * {@code COGNITO_GATEWAY_UPSTREAM_URI}, an argument or a file), so the gateway shows what
 * it does on a fresh machine. The decision is taken once every property source is loaded;
 * the demo stops with the application.
 */
final class DemoUpstreamEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "demoUpstream";

	private static final String UPSTREAM = "cognito.gateway.upstream-uri";

	private final Log log;

	DemoUpstreamEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(DemoUpstreamEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!application.getAllSources().contains(GatewayApplication.class)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		String configured = environment.getProperty(UPSTREAM);
		if (StringUtils.hasText(configured)) {
			this.log.info("Proxying to the upstream " + configured + " (" + UPSTREAM + ")");
			return;
		}
		DemoUpstream demo = DemoUpstream.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(UPSTREAM, demo.uri().toString())));
		this.log.info("No upstream is configured (" + UPSTREAM + "): proxying to the built-in demo upstream at "
				+ demo.uri() + ", which shows what it receives. Set " + UPSTREAM
				+ " (or COGNITO_GATEWAY_UPSTREAM_URI) to put the gateway in front of your application.");
		application.addInitializers((context) -> {
			context.addApplicationListener((ContextClosedEvent event) -> demo.close());
			context.addApplicationListener((ApplicationFailedEvent event) -> demo.close());
		});
	}

}
