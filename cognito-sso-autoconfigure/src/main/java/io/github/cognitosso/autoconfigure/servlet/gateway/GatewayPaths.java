package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The paths the gateway answers itself and the catch-all route must leave alone: an error
 * dispatch proxied to the upstream would turn the gateway's own 401 or 403 into whatever
 * the upstream answers, and sign-in, sign-out and the actuator belong to the gateway.
 */
final class GatewayPaths {

	/** The gateway's own pages (sign-out). */
	static final String PREFIX = "/.cognito-gateway";

	static final String SIGN_OUT = PREFIX + "/sign-out";

	private GatewayPaths() {
	}

	static List<String> own(CognitoGatewayProperties properties, Environment environment) {
		List<String> paths = new ArrayList<>(List.of("/error", "/error/**", "/login", "/login/**", "/oauth2/**",
				"/logout", "/logout/**", PREFIX + "/**", properties.getAssertion().getJwksPath()));
		String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		if (!actuator.isBlank() && !"/".equals(actuator)) {
			paths.add(actuator);
			paths.add(actuator + "/**");
		}
		return paths;
	}

}
