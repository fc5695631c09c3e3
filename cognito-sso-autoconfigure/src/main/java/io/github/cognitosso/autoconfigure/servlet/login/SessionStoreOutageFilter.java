package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.SessionStoreFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a clear 503 while the session store (Redis, with Spring Session) cannot be
 * reached, instead of a 500 with a stack trace. It runs ahead of Spring Session's
 * {@code SessionRepositoryFilter}: the failure reaches it from wherever the session was
 * first read or last written, and the answer is written here, without the session,
 * because the container's error page ({@code /error}) would read the session again and
 * fail the same way.
 * <p>
 * Browsers get a small HTML page, API-style requests a JSON body, both with
 * {@code Retry-After}. Requests that need no session (bearer tokens) never get here
 * failing, and once the store answers again the sessions it kept are used again: nobody
 * signs in anew. How long a request waits for a store that is down is the client's
 * business: the starter sets short Lettuce defaults ({@link RedisClientDefaults}).
 */
final class SessionStoreOutageFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SessionStoreOutageFilter.class);

	static final String RETRY_AFTER_SECONDS = SessionStoreFailures.RETRY_AFTER_SECONDS;

	private final RequestMatcher apiRequests;

	SessionStoreOutageFilter(RequestMatcher apiRequests) {
		this.apiRequests = apiRequests;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!isStoreFailure(ex)) {
				throw ex;
			}
			if (logger.isWarnEnabled()) {
				// The cause's message names the store, never a session id or attribute.
				logger.warn("The session store is unavailable, answering 503: " + rootCause(ex));
			}
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			unavailable(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = HttpStatus.SERVICE_UNAVAILABLE.value();
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (this.apiRequests.matches(request)) {
			byte[] body = SessionStoreFailures.JSON_BODY.getBytes(StandardCharsets.UTF_8);
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.flushBuffer();
			return;
		}
		LoginPages.write(response, status, SessionStoreFailures.PAGE_TITLE, SessionStoreFailures.PAGE_MESSAGE, null,
				request.getContextPath() + "/", "Home");
	}

	static boolean isStoreFailure(Throwable ex) {
		return SessionStoreFailures.isStoreFailure(ex);
	}

	private static String rootCause(Throwable ex) {
		return SessionStoreFailures.describe(ex);
	}

}
