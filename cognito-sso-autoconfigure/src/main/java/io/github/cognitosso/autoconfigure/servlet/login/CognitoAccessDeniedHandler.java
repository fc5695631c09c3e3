package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;

import io.github.cognitosso.autoconfigure.core.LoginPage;
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
			LoginPages.write(response, HttpStatus.FORBIDDEN.value(), "Page expired", LoginPage.PAGE_EXPIRED_MESSAGE,
					null, request.getContextPath() + "/", "Home");
			return;
		}
		if (this.forbiddenUrl != null) {
			this.redirectStrategy.sendRedirect(request, response, this.forbiddenUrl);
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		LoginPages.write(response, HttpStatus.FORBIDDEN.value(), "Access denied",
				LoginPage.accessDeniedMessage((user != null) ? user.getName() : null), null,
				request.getContextPath() + "/", "Home");
	}

}
