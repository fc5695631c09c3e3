package io.github.cognitosso.autoconfigure.core;

import java.util.Set;

/**
 * The error codes that Cognito's OAuth endpoints and the starter's own failures use, as a
 * bounded set of metric tag values: a code outside the set (a future or a misbehaving
 * endpoint's) becomes {@value #OTHER}, so an answer from the network can never create a
 * new time series.
 */
public final class CognitoErrorCodes {

	/** The tag value of a code outside the known set. */
	public static final String OTHER = "other";

	/** The tag value of a request that succeeded. */
	public static final String SUCCESS = "success";

	private static final Set<String> KNOWN = Set.of(
			// RFC 6749 section 5.2 (token endpoint) and 4.1.2.1 (authorization endpoint)
			"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
			"invalid_scope", "access_denied", "unsupported_response_type", "server_error", "temporarily_unavailable",
			// RFC 7009 (revocation endpoint)
			"unsupported_token_type",
			// OpenID Connect and Spring Security's sign-in checks
			"login_required", "interaction_required", "invalid_token", "invalid_id_token", "invalid_nonce",
			"invalid_state_parameter", "authorization_request_not_found", "invalid_token_response",
			"invalid_user_info_response", "missing_user_name_attribute", "invalid_redirect_uri_parameter",
			// CognitoTokenException's own codes
			CognitoTokenException.TIMEOUT, CognitoTokenException.IO_ERROR);

	private CognitoErrorCodes() {
	}

	/**
	 * @param code an OAuth error code, {@value #SUCCESS}, or {@code null}
	 * @return the code when it is a known one (or {@value #SUCCESS}), {@value #OTHER}
	 * otherwise
	 */
	public static String bounded(String code) {
		return (code != null && (KNOWN.contains(code) || SUCCESS.equals(code))) ? code : OTHER;
	}

}
