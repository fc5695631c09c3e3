package io.github.cognitosso.autoconfigure.servlet.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resolver finds the same token, and refuses the same values with the same error, as
 * Spring's {@link DefaultBearerTokenResolver}, for a corpus of {@code Authorization}
 * values; and refuses two headers.
 */
class CognitoBearerTokenResolverTests {

	private static final String TOKEN = TestTokens.sign(TestTokens.userAccessToken());

	private final CognitoBearerTokenResolver resolver = new CognitoBearerTokenResolver();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	static Stream<String> authorizationValues() {
		List<String> values = new ArrayList<>(List.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN,
				"bEaReR " + TOKEN, "Bearer abc", "Bearer abc=", "Bearer abc==", "Bearer a-b.c_d~e+f/g",
				"Bearer " + TOKEN + "=", "Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer\t" + TOKEN, "Bearer=abc",
				"Bearer abc def", "Bearer abc ", "Bearer  ", "Bearer =", "Bearer ==", "Bearer =abc", "Bearer abc=def",
				"Bearer abc==def", "Bearer ab%cd", "Bearer ab,cd", "Bearer ab\"cd", "Bearer é", "Bearer abc\u0000",
				"Bearer abc\n", "Bearer e30.%%%.e30", "Basic dXNlcjpwYXNz", "Digest abc", "", " Bearer abc",
				"Token abc", "bear", "Bearer:abc", "Bearer abc:def", "Bearer ab*cd", "Bearer ab!cd"));
		for (char c = 0x20; c < 0x7f; c++) {
			values.add("Bearer ab" + c + "cd");
		}
		return values.stream();
	}

	@ParameterizedTest
	@MethodSource("authorizationValues")
	void answersAsSpringsResolverDoes(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
		request.addHeader("Authorization", authorization);
		Object expected = outcome(() -> this.spring.resolve(request));
		Object actual = outcome(() -> this.resolver.resolve(request));
		assertThat(actual).isEqualTo(expected);
	}

	/**
	 * The one deliberate difference from Spring's resolver, which refuses these as
	 * malformed bearer tokens: their scheme is another word, so a browser session sending
	 * one is not refused for it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Bearerx abc", "Bearerabc", "BearerToken abc", "bearer-x abc" })
	void aSchemeThatOnlyStartsWithBearerIsNoBearerToken(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
		request.addHeader("Authorization", authorization);
		assertThat(this.resolver.resolve(request)).isNull();
	}

	@Test
	void aRequestWithoutAuthorizationHasNoToken() {
		assertThat(this.resolver.resolve(new MockHttpServletRequest("GET", "/api/hello"))).isNull();
	}

	@Test
	void theTokenIsFound() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
		request.addHeader("Authorization", "Bearer " + TOKEN);
		assertThat(this.resolver.resolve(request)).isEqualTo(TOKEN);
	}

	@Test
	void twoAuthorizationHeadersAreAnInvalidRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
		request.addHeader("Authorization", "Bearer " + TOKEN);
		request.addHeader("Authorization", "Bearer " + TOKEN);
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(request))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription())
					.isEqualTo("Invalid request: the request has more than one Authorization header");
			});
	}

	/** The token found, or the error code and description of the refusal. */
	private static Object outcome(Resolution resolution) {
		try {
			return String.valueOf(resolution.resolve());
		}
		catch (OAuth2AuthenticationException ex) {
			OAuth2Error error = ex.getError();
			return List.of(error.getErrorCode(), String.valueOf(error.getDescription()));
		}
	}

	@FunctionalInterface
	private interface Resolution {

		String resolve();

	}

}
