package io.github.cognitosso.autoconfigure.core;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

/**
 * Tells requests that look like API calls from a browser navigating, by their headers: an
 * {@code X-Requested-With} header, a bearer token, or an {@code Accept} header without
 * HTML (JSON, {@code *}{@code /*}, or none at all). Such requests get a 401 instead of a
 * redirect to Cognito's login page, which a script could not follow anyway. Browsers send
 * {@code text/html} in the {@code Accept} header of every navigation.
 * <p>
 * One rule for every web stack: the servlet and the WebFlux request matchers only read
 * the headers. Public for those adapters; not an application API.
 */
public final class ApiRequests {

	private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	private ApiRequests() {
	}

	/**
	 * @param requestedWith the {@code X-Requested-With} header, or {@code null}
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param accept the {@code Accept} header, or {@code null}
	 * @return whether the request looks like an API call rather than a navigation
	 */
	public static boolean looksLikeApiCall(String requestedWith, String authorization, String accept) {
		if (requestedWith != null) {
			return true;
		}
		if (BearerAuthorization.isBearer(authorization)) {
			return true;
		}
		return !acceptsHtml(accept);
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
