package io.github.cognitosso.autoconfigure;

/**
 * How a confidential app client authenticates at Cognito's token endpoint with its
 * secret: the two methods Cognito accepts, for browser login
 * ({@code cognito.login.client-authentication-method}) and machine-to-machine clients
 * ({@code cognito.client-credentials.client-authentication-method}) alike.
 */
public enum ClientAuthenticationMethod {

	/**
	 * The id and secret in an HTTP Basic Authorization header (Cognito's documented
	 * default).
	 */
	CLIENT_SECRET_BASIC,

	/**
	 * The id and secret as client_id and client_secret form parameters of the token
	 * request.
	 */
	CLIENT_SECRET_POST

}
