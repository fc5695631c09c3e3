package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoLogoutSuccessHandlerTests {

	private static final URI LOGOUT = URI.create("https://my-app.auth.us-east-2.amazoncognito.com/logout");

	@Test
	void redirectsToCognitoLogoutWithClientIdAndTheResolvedLogoutUri() throws Exception {
		CognitoLogoutSuccessHandler handler = new CognitoLogoutSuccessHandler(LOGOUT, "client-1", "{baseUrl}/");
		MockHttpServletResponse response = new MockHttpServletResponse();

		handler.onLogoutSuccess(request("https", "app.example.com", 443, "/shop"), response, null);

		URI location = URI.create(response.getRedirectedUrl());
		assertThat(location.getHost()).isEqualTo("my-app.auth.us-east-2.amazoncognito.com");
		assertThat(location.getPath()).isEqualTo("/logout");
		assertThat(Browser.query(location)).containsOnly(Map.entry("client_id", "client-1"),
				Map.entry("logout_uri", "https://app.example.com/shop/"));
	}

	@Test
	void logoutUriIsPercentEncoded() {
		CognitoLogoutSuccessHandler handler = new CognitoLogoutSuccessHandler(LOGOUT, "client-1",
				"https://app.example.com/bye?from=logout&x=1");

		String url = handler.logoutUrl(request("https", "app.example.com", 443, ""));

		assertThat(url).isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/logout?client_id=client-1"
				+ "&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye%3Ffrom%3Dlogout%26x%3D1");
	}

	@Test
	void baseVariablesIncludeANonDefaultPort() {
		assertThat(CognitoLogoutSuccessHandler.resolve("{baseScheme}://{baseHost}{basePort}{basePath}/bye",
				request("http", "localhost", 8080, "/app")))
			.isEqualTo("http://localhost:8080/app/bye");
		assertThat(CognitoLogoutSuccessHandler.resolve("{baseUrl}/", request("http", "localhost", 8080, "")))
			.isEqualTo("http://localhost:8080/");
	}

	@Test
	void requestParametersNeverChooseTheLogoutUri() {
		CognitoLogoutSuccessHandler handler = new CognitoLogoutSuccessHandler(LOGOUT, "client-1", "{baseUrl}/");
		MockHttpServletRequest request = request("https", "app.example.com", 443, "");
		request.setParameter("logout_uri", "https://evil.example.com/");
		request.setParameter("redirect_uri", "https://evil.example.com/");
		request.setQueryString("logout_uri=https://evil.example.com/");

		assertThat(Browser.query(URI.create(handler.logoutUrl(request)))).containsEntry("logout_uri",
				"https://app.example.com/");
	}

	private static MockHttpServletRequest request(String scheme, String host, int port, String contextPath) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", contextPath + "/logout");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		request.setContextPath(contextPath);
		return request;
	}

}
