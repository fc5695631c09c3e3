package io.github.cognitosso.autoconfigure.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.web.client.RestClientException;

/**
 * A machine-to-machine client could not get an access token from Cognito's token
 * endpoint.
 * <p>
 * Every failure of the token request ends here, whatever its form: an OAuth error from
 * Cognito (with any HTTP status, including the 401 that Spring Security's own error
 * handler reads no error code from), a 5xx, a response that is not a token response, a
 * timeout or an I/O error. It names the client and the error, and never carries the
 * client secret. During the back-off that follows a failure, calls that need a new token
 * fail fast with the last error again (same code, status and message, the message ending
 * with the back-off), caused by that error. It extends {@link RestClientException}
 * because it surfaces from {@code RestClient} calls: code that already handles failed
 * calls handles this one too.
 */
public class CognitoTokenException extends RestClientException {

	/** The token endpoint answered with a 5xx and no OAuth error code. */
	public static final String SERVER_ERROR = "server_error";

	/**
	 * The token endpoint's answer is not an OAuth 2.0 token response (malformed JSON, no
	 * access token...).
	 */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/** No answer within the token connect or read timeout. */
	public static final String TIMEOUT = "timeout";

	/**
	 * The token endpoint could not be reached (connection refused, reset, unknown
	 * host...).
	 */
	public static final String IO_ERROR = "io_error";

	private final String clientName;

	private final String errorCode;

	private final String errorDescription;

	private final Integer httpStatus;

	/**
	 * @param message the full message; must not contain the client secret
	 * @param clientName the machine-to-machine client's name
	 * @param errorCode Cognito's OAuth error code ({@code invalid_client}...) or one of
	 * this class's constants
	 * @param errorDescription Cognito's {@code error_description}, or {@code null}
	 * @param httpStatus the token endpoint's HTTP status, or {@code null} when there was
	 * no error response
	 * @param cause the underlying failure, or {@code null}
	 */
	public CognitoTokenException(String message, String clientName, String errorCode, String errorDescription,
			Integer httpStatus, Throwable cause) {
		super(message, cause);
		this.clientName = Objects.requireNonNull(clientName, "clientName");
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
		this.errorDescription = errorDescription;
		this.httpStatus = httpStatus;
	}

	/**
	 * @return the name of the machine-to-machine client, {@code default} or a key of
	 * {@code cognito.client-credentials.clients}
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * @return Cognito's OAuth error code ({@code invalid_client}, {@code invalid_scope},
	 * {@code unauthorized_client}...) or, when Cognito sent none, {@link #SERVER_ERROR},
	 * {@link #INVALID_TOKEN_RESPONSE}, {@link #TIMEOUT} or {@link #IO_ERROR}
	 */
	public String errorCode() {
		return this.errorCode;
	}

	/**
	 * @return Cognito's {@code error_description}, if it sent one
	 */
	public Optional<String> errorDescription() {
		return Optional.ofNullable(this.errorDescription);
	}

	/**
	 * @return the HTTP status of the token endpoint's error response, if there was one
	 */
	public OptionalInt httpStatus() {
		return (this.httpStatus != null) ? OptionalInt.of(this.httpStatus) : OptionalInt.empty();
	}

}
