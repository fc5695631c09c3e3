package io.github.cognitosso.autoconfigure.resource;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring's {@link DefaultBearerTokenResolver} (token in the {@code Authorization} header only, never in the query
 * string or form body), plus one rule: a request with more than one {@code Authorization} header is refused.
 * Spring's resolver reads only the first one, so a proxy and the application could disagree on which token a
 * request carries.
 */
public final class CognitoBearerTokenResolver implements BearerTokenResolver {

	static final String MULTIPLE_HEADERS = "Invalid request: the request has more than one Authorization header";

	private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers != null && headers.hasMoreElements()) {
			headers.nextElement();
			if (headers.hasMoreElements()) {
				throw new OAuth2AuthenticationException(new BearerTokenError(BearerTokenErrorCodes.INVALID_REQUEST,
						HttpStatus.BAD_REQUEST, MULTIPLE_HEADERS, null));
			}
		}
		return this.delegate.resolve(request);
	}

}
