package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a signed-in user who may not see a page (typically: not in the Cognito group
 * the page needs) with a 403 page, or a redirect to {@code cognito.login.forbidden-url}
 * when set. API-style requests get a bare 403, and a rejected CSRF token (a form left
 * open past the session) gets its own explanation rather than "no permission".
 */
final class CognitoAccessDeniedHandler implements AccessDeniedHandler {

	private final String forbiddenUrl;

	private final RequestMatcher apiRequests;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	/**
	 * @param forbiddenUrl where to redirect browsers, or {@code null} for the built-in
	 * page
	 */
	CognitoAccessDeniedHandler(String forbiddenUrl, RequestMatcher apiRequests) {
		this.forbiddenUrl = forbiddenUrl;
		this.apiRequests = apiRequests;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (this.apiRequests.matches(request)) {
			response.sendError(HttpStatus.FORBIDDEN.value());
			return;
		}
		if (accessDeniedException instanceof CsrfException) {
			LoginPages.write(response, HttpStatus.FORBIDDEN.value(), "Page expired",
					"The form you sent was too old to be accepted, for example because you were signed out in the "
							+ "meantime. Go back, reload the page and try again.",
					null, request.getContextPath() + "/", "Home");
			return;
		}
		if (this.forbiddenUrl != null) {
			this.redirectStrategy.sendRedirect(request, response, this.forbiddenUrl);
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		String who = (user != null) ? "You are signed in as " + user.getName() + ", but this" : "This";
		LoginPages.write(response, HttpStatus.FORBIDDEN.value(), "Access denied",
				who + " page needs a permission you do not have.", null, request.getContextPath() + "/", "Home");
	}

}
