package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.List;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Matches requests that look like API calls rather than a browser navigating: an
 * {@code X-Requested-With} header, a bearer token, or an {@code Accept} header without
 * HTML (JSON, {@code *}{@code /*}, or none at all). Such requests get a 401 instead of a
 * redirect to Cognito's login page, which a script could not follow anyway. Browsers send
 * {@code text/html} in the {@code Accept} header of every navigation.
 */
final class ApiRequestMatcher implements RequestMatcher {

	private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	@Override
	public boolean matches(HttpServletRequest request) {
		if (request.getHeader("X-Requested-With") != null) {
			return true;
		}
		if (BearerAuthorization.isBearer(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			return true;
		}
		return !acceptsHtml(request.getHeader(HttpHeaders.ACCEPT));
	}

	private static boolean acceptsHtml(String accept) {
		if (!StringUtils.hasText(accept)) {
			return false;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (!type.isWildcardType() && HTML.stream().anyMatch(type::isCompatibleWith)) {
					return true;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// An unparseable Accept header is no browser's.
		}
		return false;
	}

}
