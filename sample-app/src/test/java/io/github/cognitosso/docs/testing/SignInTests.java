package io.github.cognitosso.docs.testing;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md, "A sign-in test": a browser's way through the application, the
 * simulator's hosted UI and back, over real HTTP.
 */
// tag::sign-in[]
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class SignInTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	RestTestClient browser;

	@BeforeEach
	void browser() {
		// @EnableCognitoSimulator has registered this random port's callback and sign-out
		// URLs on demo-client.
		String app = "http://localhost:" + this.port;
		// A browser: keeps cookies, follows redirects, asks for HTML.
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.browser = RestTestClient.bindToServer(new JdkClientHttpRequestFactory(http))
			.baseUrl(app)
			.defaultHeader("Accept", "text/html,*/*;q=0.8")
			.build();
	}

	@Test
	void aliceSignsInAtTheHostedUi() {
		// The application sends the browser to Cognito, which shows its sign-in form.
		String form = this.browser.get()
			.uri("/hello")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(form).contains("<form id=\"signin\"");
		// Posting the form signs in at Cognito, which sends the browser back to the
		// application, now signed in.
		MultiValueMap<String, String> credentials = hiddenFields(form);
		credentials.add("username", "alice");
		credentials.add("password", "alice-password");
		this.browser.post()
			.uri(this.cognito.baseUrl() + "/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(credentials)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Hello, alice");
	}

	/**
	 * The form's hidden fields (client_id, redirect_uri, state, nonce...), which the
	 * sign-in post sends back.
	 */
	static MultiValueMap<String, String> hiddenFields(String form) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form);
		while (hidden.find()) {
			fields.add(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

}
// end::sign-in[]
