package io.github.cognitosso.autoconfigure.servlet.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionStoreOutageFilterTests {

	private final SessionStoreOutageFilter filter = new SessionStoreOutageFilter(new ApiRequestMatcher());

	@Test
	void browserGetsA503PageWhenTheSessionStoreCannotBeReached() throws Exception {
		MockHttpServletResponse response = run(browser(),
				new RedisConnectionFailureException("Unable to connect to Redis"));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("Temporarily unavailable")
			.doesNotContain("Exception")
			.doesNotContain("Redis");
	}

	@Test
	void apiCallGetsA503JsonBodyWhenLettuceRejectsCommandsWhileDisconnected() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
		request.addHeader("Accept", "application/json");
		RedisSystemException rejected = new RedisSystemException("Redis exception",
				new io.lettuce.core.RedisException("Currently not connected. Commands are rejected."));

		MockHttpServletResponse response = run(request, rejected);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).contains("\"status\":503")
			.contains("\"error\":\"session_store_unavailable\"");
	}

	@Test
	void aStoreThatDoesNotAnswerInTimeIsAnOutageToo() throws Exception {
		MockHttpServletResponse response = run(browser(),
				new ServletException(new QueryTimeoutException("Redis command timed out")));

		assertThat(response.getStatus()).isEqualTo(503);
	}

	@Test
	void otherFailuresOfTheApplicationAreNotHidden() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> run(browser(), new IllegalStateException("a bug")));
	}

	@Test
	void aResponseAlreadySentIsLeftAsItIs() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> {
			res.getWriter().write("page");
			res.flushBuffer();
			throw new RedisConnectionFailureException("lost while saving the session");
		};

		this.filter.doFilter(browser(), response, chain);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("page");
	}

	private MockHttpServletResponse run(MockHttpServletRequest request, Exception failure) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> {
			if (failure instanceof ServletException servlet) {
				throw servlet;
			}
			throw (RuntimeException) failure;
		};
		this.filter.doFilter(request, response, chain);
		return response;
	}

	private static MockHttpServletRequest browser() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
		request.addHeader("Accept", Browser.NAVIGATION_ACCEPT);
		return request;
	}

}
