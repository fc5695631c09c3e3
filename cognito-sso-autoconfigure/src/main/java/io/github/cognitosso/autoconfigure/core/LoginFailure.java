package io.github.cognitosso.autoconfigure.core;

import org.springframework.http.HttpStatus;

/**
 * The kinds of failed sign-in a user can tell apart, each with its status and message:
 * the user declined or Cognito refused ({@code error=access_denied}), the response does
 * not belong to a sign-in started in this browser (a forged or replayed {@code state}),
 * the ID token could not be verified, or Cognito's token endpoint misbehaved. One reading
 * of the OAuth error codes for every web stack. Public for the adapters; not an
 * application API.
 */
public enum LoginFailure {

	/** Cancelled by the user or refused by Cognito. */
	DECLINED(HttpStatus.UNAUTHORIZED,
			"The sign-in was cancelled, or Amazon Cognito did not allow it. You are not signed in."),

	/** No sign-in of this browser's: a forged, replayed or expired response. */
	FOREIGN_RESPONSE(HttpStatus.UNAUTHORIZED,
			"This sign-in response does not belong to a sign-in started in this browser, or it was already used "
					+ "or expired. You are not signed in."),

	/** The identity did not pass verification. */
	UNVERIFIED(HttpStatus.UNAUTHORIZED,
			"The identity Amazon Cognito sent could not be verified, so it was not accepted. You are not signed in."),

	/** Cognito did not answer properly. */
	PROVIDER_ERROR(HttpStatus.BAD_GATEWAY,
			"Amazon Cognito did not answer the sign-in properly. Please try again in a moment."),

	/** The email that names the user is not verified. */
	UNVERIFIED_EMAIL(HttpStatus.UNAUTHORIZED,
			"This application names you by your email address, and Amazon Cognito has not verified it yet. "
					+ "Verify your email address with Amazon Cognito, then sign in again. You are not signed in."),

	/** Anything else. */
	OTHER(HttpStatus.UNAUTHORIZED, "The sign-in did not complete. You are not signed in.");

	private final HttpStatus status;

	private final String message;

	LoginFailure(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	/**
	 * @return the status of the error page
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * @return what the error page tells the user
	 */
	public String message() {
		return this.message;
	}

	/**
	 * @param code an OAuth error code
	 * @return the kind of failure it stands for
	 */
	public static LoginFailure of(String code) {
		return switch (code) {
			case "access_denied", "unauthorized_client", "invalid_scope", "login_required", "interaction_required",
					"consent_required" ->
				DECLINED;
			case "authorization_request_not_found", "invalid_state_parameter", "invalid_redirect_uri_parameter",
					"client_registration_not_found", "invalid_grant" ->
				FOREIGN_RESPONSE;
			case "invalid_id_token", "invalid_nonce", "invalid_user" -> UNVERIFIED;
			case CognitoOidcUserService.UNVERIFIED_EMAIL -> UNVERIFIED_EMAIL;
			case "invalid_token_response", "invalid_user_info_response", "server_error", "temporarily_unavailable",
					"invalid_client" ->
				PROVIDER_ERROR;
			default -> OTHER;
		};
	}

}
