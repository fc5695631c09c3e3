package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.core.ApiRequests;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests that look like API calls rather than a browser navigating: an
 * {@code X-Requested-With} header, a bearer token, or an {@code Accept} header without
 * HTML (JSON, {@code *}{@code /*}, or none at all). Such requests get a 401 instead of a
 * redirect to Cognito's login page, which a script could not follow anyway. Browsers send
 * {@code text/html} in the {@code Accept} header of every navigation. The rule is the
 * core's {@link ApiRequests}, shared with WebFlux.
 */
final class ApiRequestMatcher implements RequestMatcher {

	@Override
	public boolean matches(HttpServletRequest request) {
		return ApiRequests.looksLikeApiCall(request.getHeader("X-Requested-With"),
				request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(HttpHeaders.ACCEPT));
	}

}
