package io.github.cognitosso.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;

/**
 * Runs the sample against a local Cognito simulator unless a real user pool is configured, so the sample works on
 * a fresh machine without an AWS account. With {@code COGNITO_USER_POOL_ID} (or {@code cognito.user-pool-id}) set,
 * nothing here happens and the sample talks to that pool.
 */
final class LocalCognito {

	static final String CLIENT_ID = "sample-client";

	static final String MACHINE_CLIENT_ID = "sample-machine";

	private LocalCognito() {
	}

	/**
	 * Starts the simulator and makes its {@code cognito.*} properties the application's defaults, when no real pool
	 * is configured.
	 */
	static void useSimulatorUnlessConfigured(SpringApplication application, String[] args) {
		if (StringUtils.hasText(System.getenv("COGNITO_USER_POOL_ID")) || mentionsUserPool(args)
				|| StringUtils.hasText(System.getProperty("cognito.user-pool-id"))) {
			return;
		}
		CognitoSimulator simulator = CognitoSimulator.builder()
			.user(SimulatedUser.of("alice", "alice-password", "admin"))
			.user(SimulatedUser.of("bob", "bob-password"))
			.client(loginClient(8080))
			.client(SimulatedClient.machine(MACHINE_CLIENT_ID, "sample-machine-secret", "sample-api/read"))
			.build()
			.start();
		Map<String, Object> defaults = new LinkedHashMap<>(simulator.properties(CLIENT_ID));
		defaults.put("cognito.resource-server.accepted-client-ids", MACHINE_CLIENT_ID);
		defaults.put("cognito.client-credentials.client-id", MACHINE_CLIENT_ID);
		defaults.put("cognito.client-credentials.client-secret", "sample-machine-secret");
		defaults.put("cognito.client-credentials.scopes", "sample-api/read");
		application.setDefaultProperties(defaults);
		application.addListeners((ApplicationListener<WebServerInitializedEvent>) (event) -> {
			int port = event.getWebServer().getPort();
			// The simulator, like Cognito, only redirects to registered URLs: register the port actually used.
			simulator.addClient(loginClient(port));
			System.out.printf("%n  cognito-sso sample: http://localhost:%d/%n"
					+ "  Cognito simulator at %s (user pool %s)%n"
					+ "  Sign in as alice / alice-password (group admin) or bob / bob-password (no group)%n%n", port,
					simulator.baseUrl(), simulator.userPoolId());
		});
		Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "cognito-simulator-shutdown"));
	}

	private static SimulatedClient loginClient(int port) {
		String base = "http://localhost:" + port;
		return SimulatedClient.confidential(CLIENT_ID, "sample-secret", List.of(base + "/login/oauth2/code/cognito"),
				List.of(base + "/"));
	}

	private static boolean mentionsUserPool(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("--cognito.user-pool-id=") && arg.length() > "--cognito.user-pool-id=".length()) {
				return true;
			}
		}
		return false;
	}

}
