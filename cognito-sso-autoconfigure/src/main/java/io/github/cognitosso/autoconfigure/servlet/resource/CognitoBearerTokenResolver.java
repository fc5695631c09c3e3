package io.github.cognitosso.autoconfigure.servlet.resource;

import java.util.Enumeration;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token the way Spring's {@link DefaultBearerTokenResolver} does by
 * default (in the {@code Authorization} header only, never in the query string or form
 * body; same syntax, same answers), plus two rules. A request with more than one
 * {@code Authorization} header is refused: Spring's resolver reads only the first one, so
 * a proxy and the application could disagree on which token a request carries. And a
 * value whose scheme only starts with {@code bearer} ({@code Bearerx abc}) is another
 * scheme, not a malformed bearer token (Spring refuses it with 401, even on a request
 * that a browser session would authenticate); see {@link BearerAuthorization}.
 * <p>
 * It reads the header once and checks the {@code b64token} syntax (RFC 6750 section 2.1)
 * with a loop over its characters. Spring's resolver reads the header again and matches
 * it with a regular expression; Spring Security's firewall validates the whole value with
 * another regular expression on every read. On a 1 KB Cognito token those scans cost more
 * per request than a validated-token cache hit (see docs/benchmarks.md).
 */
public final class CognitoBearerTokenResolver implements BearerTokenResolver {

	static final String MULTIPLE_HEADERS = "Invalid request: the request has more than one Authorization header";

	static final String MALFORMED = "Bearer token is malformed";

	private static final String SCHEME = "Bearer ";

	@Override
	public String resolve(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers == null || !headers.hasMoreElements()) {
			return null;
		}
		String authorization = headers.nextElement();
		if (headers.hasMoreElements()) {
			throw new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST,
					HttpStatus.BAD_REQUEST, MULTIPLE_HEADERS, null));
		}
		return token(authorization);
	}

	/**
	 * @param authorization the {@code Authorization} header's value
	 * @return the token of a {@code Bearer} value, {@code null} for another scheme (or
	 * none)
	 * @throws OAuth2AuthenticationException when the value starts with {@code bearer} but
	 * is not {@code Bearer}, one space and a {@code b64token}
	 */
	static String token(String authorization) {
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
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

	private static OAuth2AuthenticationException malformed() {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(MALFORMED));
	}

}
