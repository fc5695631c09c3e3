package io.github.cognitosso.sample.reactive;

import io.github.cognitosso.test.UseCognitoSimulator;

/**
 * Runs the sample against a local Cognito simulator (the users and clients of
 * {@code cognito-simulator.yml}) when no real user pool is configured, as the servlet
 * sample does. A pool id from {@code COGNITO_USER_POOL_ID}, {@code --cognito.*}
 * arguments, {@code SPRING_APPLICATION_JSON} or a configuration file of yours means the
 * simulator does not start.
 */
@UseCognitoSimulator(config = "cognito-simulator.yml", clientId = LocalCognito.CLIENT_ID,
		machineClientId = LocalCognito.MACHINE_CLIENT_ID)
final class LocalCognito {

	static final String CLIENT_ID = "sample-client";

	static final String MACHINE_CLIENT_ID = "sample-machine";

}
