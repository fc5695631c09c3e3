package io.github.cognitosso.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;

/**
 * Registers the running application's callback and sign-out URLs on the simulated app
 * client once the web server has a port: Cognito, and the simulator, accept only
 * registered URLs, and a test or a development run rarely uses the port that was
 * registered in advance. The URLs are the starter's own templates
 * ({@code cognito.login.redirect-uri}, {@code cognito.logout.logout-uri}) for
 * {@code localhost} and {@code 127.0.0.1} on that port. For a development run it also
 * says where to go and whom to sign in as: the simulator's users and passwords are demo
 * data on loopback, printed on purpose.
 */
final class SimulatorApplicationUrls implements ApplicationListener<ContextRefreshedEvent> {

	static final String DEFAULT_REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	static final String DEFAULT_LOGOUT_URI = "{baseUrl}/";

	private static final Log logger = LogFactory.getLog(SimulatorApplicationUrls.class);

	private final CognitoSimulator simulator;

	private final String clientId;

	private final boolean announce;

	SimulatorApplicationUrls(CognitoSimulator simulator, String clientId, boolean announce) {
		this.simulator = simulator;
		this.clientId = clientId;
		this.announce = announce;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port == null || !this.simulator.isRunning()) {
			return;
		}
		String contextPath = environment.getProperty("server.servlet.context-path",
				environment.getProperty("spring.webflux.base-path", ""));
		String redirectUri = environment.getProperty("cognito.login.redirect-uri", DEFAULT_REDIRECT_URI);
		String logoutUri = environment.getProperty("cognito.logout.logout-uri", DEFAULT_LOGOUT_URI);
		List<String> callbacks = new ArrayList<>();
		List<String> signOuts = new ArrayList<>();
		for (String host : List.of("localhost", "127.0.0.1")) {
			String baseUrl = "http://" + host + ":" + port + contextPath;
			callbacks.add(expand(redirectUri, baseUrl));
			signOuts.add(expand(logoutUri, baseUrl));
		}
		this.simulator.allowUrls(this.clientId, callbacks, signOuts);
		if (this.announce && event.getApplicationContext().getParent() == null) {
			logger.info(String.format(
					"%n%n  Application: http://localhost:%s%s/%n  Cognito simulator: %s (user pool %s)"
							+ "%n  Sign in as %s%n",
					port, contextPath, this.simulator.baseUrl(), this.simulator.userPoolId(), users()));
		}
	}

	private String users() {
		return this.simulator.users()
			.stream()
			.map((user) -> user.username() + " / " + user.password()
					+ (user.groups().isEmpty() ? " (no group)" : " (group " + String.join(", ", user.groups()) + ")"))
			.sorted()
			.collect(Collectors.joining(" or "));
	}

	private static String expand(String template, String baseUrl) {
		return template.replace("{baseUrl}", baseUrl).replace("{registrationId}", "cognito");
	}

}
