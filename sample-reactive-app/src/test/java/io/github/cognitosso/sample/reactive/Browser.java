package io.github.cognitosso.sample.reactive;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the reactive sample's tests, over real HTTP: keeps cookies (per host, as
 * a browser does), asks for HTML when it navigates, and follows redirects one at a time
 * so a test can look at each.
 */
final class Browser {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private final WebTestClient client;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	Browser() {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.client = WebTestClient.bindToServer(new JdkClientHttpConnector(http))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * @return the value of the cookie of that name the browser keeps, or {@code null}
	 */
	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** A page request as a browser's navigation sends it. */
	EntityExchangeResult<String> navigate(String url) {
		return get(url, "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	EntityExchangeResult<String> get(String url, String accept) {
		return this.client.get()
			.uri(URI.create(url))
			.header("Accept", accept)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	EntityExchangeResult<String> get(String url, String accept, String authorization) {
		return this.client.get()
			.uri(URI.create(url))
			.header("Accept", accept)
			.header("Authorization", authorization)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Posts a form with its length, as a browser does (a chunked body the server does not
	 * read would be left on the connection).
	 */
	EntityExchangeResult<String> post(String url, MultiValueMap<String, String> form) {
		byte[] body = form.entrySet()
			.stream()
			.flatMap((field) -> field.getValue().stream().map((value) -> encode(field.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"))
			.getBytes(StandardCharsets.UTF_8);
		return this.client.post()
			.uri(URI.create(url))
			.header("Accept", "text/html")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.contentLength(body.length)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/** Follows the redirect of a response, as a browser does. */
	EntityExchangeResult<String> follow(EntityExchangeResult<String> redirect) {
		assertThat(redirect.getStatus().is3xxRedirection())
			.as("a redirect: %s %s", redirect.getStatus(), redirect.getResponseBody())
			.isTrue();
		return navigate(location(redirect).toString());
	}

	/** Follows redirects until a page that is none. */
	EntityExchangeResult<String> land(EntityExchangeResult<String> response) {
		EntityExchangeResult<String> current = response;
		for (int i = 0; i < 10 && current.getStatus().is3xxRedirection(); i++) {
			current = follow(current);
		}
		return current;
	}

	/**
	 * Opens the page, signs in at the simulated managed login it leads to, and returns
	 * the page after sign-in.
	 */
	EntityExchangeResult<String> signIn(String url, String cognitoBaseUrl, String username, String password) {
		EntityExchangeResult<String> form = land(navigate(url));
		assertThat(form.getResponseBody()).as("the hosted UI's sign-in form").contains("signin-button");
		MultiValueMap<String, String> fields = hiddenFields(form.getResponseBody());
		fields.add("username", username);
		fields.add("password", password);
		return land(post(cognitoBaseUrl + "/login", fields));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static URI location(EntityExchangeResult<String> redirect) {
		URI location = redirect.getResponseHeaders().getLocation();
		assertThat(location).as("Location of %s", redirect.getUrl()).isNotNull();
		return redirect.getUrl().resolve(location);
	}

	static MultiValueMap<String, String> hiddenFields(String html) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher hidden = HIDDEN.matcher(html);
		while (hidden.find()) {
			fields.add(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

	/** The text of the element with that id, tags stripped. */
	static String text(String html, String id) {
		Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL)
			.matcher(html);
		assertThat(element.find()).as("element #%s in %s", id, html).isTrue();
		return HtmlUtils.htmlUnescape(element.group(1).replaceAll("<[^>]+>", "")).trim();
	}

}
