package io.github.cognitosso.gateway;

import io.github.cognitosso.test.UseCognitoSimulator;

/**
 * Runs the gateway against a local Cognito simulator (the users and client of
 * {@code cognito-simulator.yml}) when no real user pool is configured: a pool id from
 * {@code COGNITO_USER_POOL_ID}, {@code --cognito.*} arguments,
 * {@code SPRING_APPLICATION_JSON} or a configuration file keeps it off.
 */
@UseCognitoSimulator(config = "cognito-simulator.yml", clientId = LocalCognito.CLIENT_ID)
final class LocalCognito {

	static final String CLIENT_ID = "gateway-client";

}
