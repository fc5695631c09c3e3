package io.github.cognitosso.autoconfigure.servlet.resource;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.GenericFilterBean;

/**
 * Keeps the CSRF check on every request that carries a session, bearer header or not.
 * <p>
 * Spring's resource server exempts from CSRF every request whose bearer token it can
 * read, and the CSRF and logout filters run before the token is validated:
 * {@code POST /logout} with {@code Authorization: Bearer x} and the session cookie signed
 * the user out (and revoked the refresh token) without a CSRF token. A bearer header is
 * no proof against CSRF on a request that a session authenticates. So the
 * {@link CsrfFilter} is shown such a request without its {@code Authorization} header,
 * and judges it like any browser request, with the application's own CSRF settings; the
 * next filter hands the untouched request on, so the bearer token is still validated as
 * before.
 * <p>
 * Spring offers no way to take back the resource server's exemption
 * ({@code CsrfConfigurer} only adds exemptions), and a second CSRF check would have to
 * repeat the application's token repository and request handler; two filters around the
 * {@link CsrfFilter} need neither.
 */
final class SessionRequestCsrfFilters {

	private SessionRequestCsrfFilters() {
	}

	/** Registered right before the {@link CsrfFilter}. */
	static final class HideBearerHeader extends GenericFilterBean {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (request instanceof HttpServletRequest http && isUnsafeBearerRequestWithSession(http)) {
				chain.doFilter(new WithoutAuthorization(http), response);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean isUnsafeBearerRequestWithSession(HttpServletRequest request) {
			String method = request.getMethod();
			if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
				return false;
			}
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			return BearerAuthorization.isBearer(authorization) && request.getSession(false) != null;
		}

	}

	/**
	 * Registered right after the {@link CsrfFilter}: the rest of the chain sees the
	 * request as it came.
	 */
	static final class RestoreBearerHeader extends GenericFilterBean {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter((request instanceof WithoutAuthorization hidden) ? hidden.getRequest() : request, response);
		}

	}

	private static final class WithoutAuthorization extends HttpServletRequestWrapper {

		WithoutAuthorization(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name))
				.toList());
		}

	}

}
