package io.github.cognitosso.autoconfigure.core;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * The one reading of a bearer token from a request's {@code Authorization} headers, for
 * every web stack: the servlet {@code CognitoBearerTokenResolver} and the WebFlux
 * converter apply the same rules and give the same answers. The token is read from the
 * header only (never from the query string or a form body), in the syntax of RFC 6750
 * section 2.1; a request with more than one {@code Authorization} header is refused (a
 * proxy and the application could disagree on which one counts), and a scheme that only
 * starts with {@code bearer} ({@code Bearerx abc}) is another scheme, not a malformed
 * bearer token (see {@link BearerAuthorization}).
 * <p>
 * Public for the web adapters; not an application API.
 */
public final class BearerTokenHeader {

	/** The description of a request with more than one {@code Authorization} header. */
	public static final String MULTIPLE_HEADERS = "Invalid request: the request has more than one Authorization header";

	/** The description of a {@code Bearer} value that is not a {@code b64token}. */
	public static final String MALFORMED = "Bearer token is malformed";

	private static final String SCHEME = "Bearer ";

	/** {@code b64token}'s characters, by ASCII code, padding aside. */
	private static final boolean[] TOKEN_CHARACTERS = tokenCharacters();

	private BearerTokenHeader() {
	}

	/**
	 * @return the refusal of a request with more than one {@code Authorization} header
	 * (the entry point answers it with 401 {@code invalid_request})
	 */
	public static OAuth2AuthenticationException multipleHeaders() {
		return new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST,
				HttpStatus.BAD_REQUEST, MULTIPLE_HEADERS, null));
	}

	/**
	 * @param authorization the {@code Authorization} header's value
	 * @return the token of a {@code Bearer} value, {@code null} for another scheme (or
	 * none)
	 * @throws OAuth2AuthenticationException when the value starts with {@code bearer} but
	 * is not {@code Bearer}, one space and a {@code b64token}
	 */
	public static String token(String authorization) {
		if (!BearerAuthorization.isBearer(authorization)) {
			return null;
		}
		int start = SCHEME.length();
		if (authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
			throw malformed();
		}
		// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
		int end = authorization.length();
		while (end > start && authorization.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			throw malformed();
		}
		for (int i = start; i < end; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				throw malformed();
			}
		}
		return authorization.substring(start);
	}

	private static boolean isTokenCharacter(char c) {
		// A table rather than a chain of comparisons: for a 1 KB token of random
		// characters, a branch per character class is mispredicted about every other
		// character.
		return c < TOKEN_CHARACTERS.length && TOKEN_CHARACTERS[c];
	}

	private static boolean[] tokenCharacters() {
		boolean[] table = new boolean[128];
		for (char c = 'a'; c <= 'z'; c++) {
			table[c] = true;
			table[Character.toUpperCase(c)] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			table[c] = true;
		}
		for (char c : "-._~+/".toCharArray()) {
			table[c] = true;
		}
		return table;
	}

	private static OAuth2AuthenticationException malformed() {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(MALFORMED));
	}

}
