package io.github.cognitosso.docs.login;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cognitosso.test.CognitoSimulator;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the tests of docs/login.md: keeps cookies, follows redirects, asks for
 * HTML, and signs in at the simulator's hosted UI.
 */
final class Browser {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private final CognitoSimulator cognito;

	private final RestTestClient client;

	Browser(CognitoSimulator cognito, int port) {
		this.cognito = cognito;
		String app = "http://localhost:" + port;
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.client = RestTestClient.bindToServer(new JdkClientHttpRequestFactory(http))
			.baseUrl(app)
			.defaultHeader("Accept", "text/html,*/*;q=0.8")
			.build();
	}

	RestTestClient client() {
		return this.client;
	}

	/**
	 * Opens the page, signs in at the hosted UI it leads to, and returns the page's
	 * response after sign-in.
	 */
	RestTestClient.ResponseSpec signIn(String path, String username, String password) {
		String form = get(path);
		assertThat(form).as("the hosted UI's sign-in form").contains("<form id=\"signin\"");
		MultiValueMap<String, String> fields = hiddenFields(form);
		fields.add("username", username);
		fields.add("password", password);
		return this.client.post()
			.uri(this.cognito.baseUrl() + "/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(fields)
			.exchange();
	}

	/**
	 * @return the body of a page that answers 200
	 */
	String get(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	static MultiValueMap<String, String> hiddenFields(String html) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher hidden = HIDDEN.matcher(html);
		while (hidden.find()) {
			fields.add(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

}
