package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The one reading of the error answers of Cognito's OAuth endpoints (token, revocation):
 * {@code {"error":"invalid_grant","error_description":"..."}} becomes an
 * {@link OAuth2Error}, whatever the HTTP status.
 * <p>
 * Cognito sends its error body with 400, but also with 401 ({@code invalid_client}) and
 * with 5xx; Spring Security's {@code OAuth2ErrorResponseErrorHandler} reads one only on
 * 400, and lets an unreadable 400 body escape as a conversion exception. Here an answer
 * without an OAuth error (empty, an HTML error page from a proxy, JSON without a textual
 * {@code error}, a body that cannot be read) gets the caller's fallback code instead, so
 * it ends as an OAuth failure the caller already handles, never as an unexpected
 * exception.
 * <p>
 * Public for the web adapters ({@code servlet.login} now, a reactive one next); not an
 * application API.
 */
public final class CognitoOAuthErrors {

	/** Cognito's error answers are a few hundred bytes; more is not one of them. */
	static final int MAX_BYTES = 16 * 1024;

	private CognitoOAuthErrors() {
	}

	/**
	 * @param status the HTTP status of the error answer
	 * @param body the answer's body, or {@code null}
	 * @param fallbackCode the error code when the body carries none
	 * @param fallbackDescription the description that goes with the fallback code, or
	 * {@code null}
	 * @return Cognito's error when the body is one, else the fallback
	 */
	public static OAuth2Error translate(int status, String body, String fallbackCode, String fallbackDescription) {
		OAuth2Error error = parse(body);
		return (error != null) ? error : new OAuth2Error(fallbackCode, fallbackDescription, null);
	}

	/**
	 * Reads the error answer's body (at most {@value #MAX_BYTES} bytes) and translates
	 * it; a body that cannot be read counts as none.
	 * @param response the error answer
	 * @param fallbackCode the error code when the body carries none
	 * @param fallbackDescription the description that goes with the fallback code, or
	 * {@code null}
	 * @return Cognito's error when the body is one, else the fallback
	 * @throws IOException when the status cannot be read
	 */
	public static OAuth2Error translate(ClientHttpResponse response, String fallbackCode, String fallbackDescription)
			throws IOException {
		return translate(response.getStatusCode().value(), readBody(response), fallbackCode, fallbackDescription);
	}

	/**
	 * @param body an answer's body, or {@code null}
	 * @return the OAuth error it carries, or {@code null} when it is not a JSON object
	 * with a textual {@code error}
	 */
	static OAuth2Error parse(String body) {
		if (body == null || !body.strip().startsWith("{")) {
			return null;
		}
		Map<String, Object> fields;
		try {
			fields = JsonParserFactory.getJsonParser().parseMap(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
		String code = text(fields.get("error"));
		return (code != null)
				? new OAuth2Error(code, text(fields.get("error_description")), text(fields.get("error_uri"))) : null;
	}

	private static String readBody(ClientHttpResponse response) {
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			return (bytes.length > MAX_BYTES) ? null : new String(bytes, charset(response));
		}
		catch (IOException | RuntimeException ex) {
			// Reset, past the deadline, unreadable: no OAuth error to read.
			return null;
		}
	}

	private static Charset charset(ClientHttpResponse response) {
		MediaType contentType = response.getHeaders().getContentType();
		return (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
	}

	private static String text(Object value) {
		return (value instanceof String string && !string.isBlank()) ? string : null;
	}

}
