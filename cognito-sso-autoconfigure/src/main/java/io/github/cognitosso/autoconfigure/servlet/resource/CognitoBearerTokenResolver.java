package io.github.cognitosso.autoconfigure.servlet.resource;

import java.util.Enumeration;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import io.github.cognitosso.autoconfigure.core.BearerTokenHeader;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
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

	static final String MULTIPLE_HEADERS = BearerTokenHeader.MULTIPLE_HEADERS;

	static final String MALFORMED = BearerTokenHeader.MALFORMED;

	@Override
	public String resolve(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers == null || !headers.hasMoreElements()) {
			return null;
		}
		String authorization = headers.nextElement();
		if (headers.hasMoreElements()) {
			throw BearerTokenHeader.multipleHeaders();
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
		return BearerTokenHeader.token(authorization);
	}

}
