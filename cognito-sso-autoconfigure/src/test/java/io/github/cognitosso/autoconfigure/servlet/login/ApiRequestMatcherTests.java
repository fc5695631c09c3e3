package io.github.cognitosso.autoconfigure.servlet.login;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestMatcherTests {

	private final ApiRequestMatcher matcher = new ApiRequestMatcher();

	@ParameterizedTest(name = "Accept [{0}], X-Requested-With [{1}], Authorization [{2}] -> API: {3}")
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | - | - | false",
					"application/xhtml+xml | - | - | false", "text/* | - | - | false",
					"application/json | - | - | true", "*/* | - | - | true", "- | - | - | true",
					"image/avif,image/webp,*/* | - | - | true", "not a media type | - | - | true",
					"text/html | XMLHttpRequest | - | true", "text/html | - | Bearer eyJhbGciOi | true",
					"text/html | - | bearer eyJhbGciOi | true", "text/html | - | Bearerx abc | false",
					"text/html | - | Basic dXNlcjpwdw== | false" })
	void apiStyleRequestsAreToldApartFromBrowserNavigations(String accept, String requestedWith, String authorization,
			boolean api) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		if (requestedWith != null) {
			request.addHeader("X-Requested-With", requestedWith);
		}
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}

		assertThat(this.matcher.matches(request)).isEqualTo(api);
	}

}
