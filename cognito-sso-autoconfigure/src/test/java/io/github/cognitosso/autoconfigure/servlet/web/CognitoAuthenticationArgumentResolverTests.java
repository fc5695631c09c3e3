package io.github.cognitosso.autoconfigure.servlet.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CognitoAuthenticationArgumentResolverTests {

	private final CognitoAuthenticationArgumentResolver resolver = new CognitoAuthenticationArgumentResolver();

	@Test
	void principalOfAnotherTypeIsRefusedWithoutItsAttributesInTheMessage() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setUserPrincipal(new OAuth2AuthenticationToken(
				new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("ROLE_user")),
						Map.of("sub", "alice", "email", "alice@example.com", "nonce", "n-0S6_WzA2Mj"), "sub"),
				List.of(new SimpleGrantedAuthority("ROLE_user")), "cognito"));

		assertThatIllegalStateException()
			.isThrownBy(
					() -> this.resolver.resolveArgument(callerParameter(), null, new ServletWebRequest(request), null))
			.withMessageContaining("OAuth2AuthenticationToken, not a CognitoAuthentication")
			.withMessageNotContaining("alice")
			.withMessageNotContaining("n-0S6_WzA2Mj");
	}

	@Test
	void requestWithoutAuthenticationResolvesToNull() throws Exception {
		assertThat(this.resolver.supportsParameter(callerParameter())).isTrue();
		assertThat(this.resolver.resolveArgument(callerParameter(), null,
				new ServletWebRequest(new MockHttpServletRequest()), null))
			.isNull();
	}

	private static MethodParameter callerParameter() throws NoSuchMethodException {
		Method method = Controller.class.getDeclaredMethod("me", CognitoAuthentication.class);
		return new MethodParameter(method, 0);
	}

	static class Controller {

		String me(CognitoAuthentication caller) {
			return caller.getName();
		}

	}

}
