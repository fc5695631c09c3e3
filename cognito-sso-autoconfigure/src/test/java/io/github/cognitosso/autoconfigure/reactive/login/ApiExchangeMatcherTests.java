package io.github.cognitosso.autoconfigure.reactive.login;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux matcher applies the same rule as the servlet one: browsers navigating
 * accept HTML; everything else is an API call.
 */
class ApiExchangeMatcherTests {

	private final ApiExchangeMatcher matcher = new ApiExchangeMatcher();

	@Test
	void aBrowserNavigationIsNoApiCall() {
		assertThat(matches(MockServerHttpRequest.get("/orders")
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))).isFalse();
	}

	@Test
	void jsonWildcardOrNoAcceptHeaderIsAnApiCall() {
		assertThat(matches(MockServerHttpRequest.get("/orders").header("Accept", "application/json"))).isTrue();
		assertThat(matches(MockServerHttpRequest.get("/orders").header("Accept", "*/*"))).isTrue();
		assertThat(matches(MockServerHttpRequest.get("/orders"))).isTrue();
	}

	@Test
	void anXhrOrABearerTokenIsAnApiCallEvenWhenItAcceptsHtml() {
		assertThat(matches(
				MockServerHttpRequest.get("/orders").header("Accept", "text/html").header("X-Requested-With", "fetch")))
			.isTrue();
		assertThat(matches(
				MockServerHttpRequest.get("/orders").header("Accept", "text/html").header("Authorization", "Bearer x")))
			.isTrue();
	}

	private boolean matches(MockServerHttpRequest.BaseBuilder<?> request) {
		return this.matcher.matches(MockServerWebExchange.from(request.build())).block().isMatch();
	}

}
