package io.github.cognitosso.autoconfigure.servlet.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Lets one request per browser session at a time obtain (and so refresh) the session's
 * tokens.
 * <p>
 * A page that fires several requests just after the access token expired would otherwise
 * send the same refresh token to Cognito several times at once. With refresh token
 * rotation on, every refresh but the first then fails once the client's grace period is
 * over, and Spring Security drops the session's tokens. Serialised, the later requests
 * find the tokens the first one stored and use them. The lock is Spring MVC's session
 * mutex ({@link WebUtils#getSessionMutex}); register {@code HttpSessionMutexListener}
 * when sessions live outside the servlet container.
 */
final class SessionSynchronizedAuthorizedClientManager implements OAuth2AuthorizedClientManager {

	private final OAuth2AuthorizedClientManager delegate;

	SessionSynchronizedAuthorizedClientManager(OAuth2AuthorizedClientManager delegate) {
		this.delegate = delegate;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest authorizeRequest) {
		HttpSession session = session(authorizeRequest);
		if (session == null) {
			return authorizeOrSignInAgain(authorizeRequest);
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			return authorizeOrSignInAgain(authorizeRequest);
		}
	}

	/**
	 * A refresh token Cognito no longer accepts (revoked, expired after its 30-day
	 * default, or rotated away) answers {@code invalid_grant}. Spring Security has then
	 * dropped the session's tokens; asking for authorization again sends the browser to
	 * Cognito's sign-in (Spring's authorization-request filter handles this exception)
	 * instead of failing the request with a 500.
	 */
	private OAuth2AuthorizedClient authorizeOrSignInAgain(OAuth2AuthorizeRequest authorizeRequest) {
		try {
			return this.delegate.authorize(authorizeRequest);
		}
		catch (ClientAuthorizationException ex) {
			if (!(ex instanceof ClientAuthorizationRequiredException)
					&& OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				throw new ClientAuthorizationRequiredException(ex.getClientRegistrationId());
			}
			throw ex;
		}
	}

	private static HttpSession session(OAuth2AuthorizeRequest authorizeRequest) {
		Object attribute = authorizeRequest.getAttribute(HttpServletRequest.class.getName());
		HttpServletRequest request = (attribute instanceof HttpServletRequest servletRequest) ? servletRequest : null;
		if (request == null) {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			if (attributes instanceof ServletRequestAttributes servletAttributes) {
				request = servletAttributes.getRequest();
			}
		}
		return (request != null) ? request.getSession(false) : null;
	}

}
