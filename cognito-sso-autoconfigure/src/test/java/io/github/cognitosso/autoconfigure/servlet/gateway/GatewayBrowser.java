package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the gateway tests: keeps cookies, sends navigation headers, follows no
 * redirect on its own, and signs in at the simulator's hosted UI.
 */
final class GatewayBrowser {

	static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	GatewayBrowser() {
		this.cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	HttpResponse<String> navigate(String url, String... headers) {
		return get(url, with(headers, "Accept", NAVIGATION_ACCEPT));
	}

	HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> post(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", NAVIGATION_ACCEPT)
			.timeout(Duration.ofSeconds(30))
			.build());
	}

	HttpResponse<String> follow(HttpResponse<String> redirect) {
		return navigate(location(redirect).toString());
	}

	/** The session cookie the gateway gave this browser. */
	String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map((cookie) -> cookie.getValue())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
	}

	/**
	 * Opens the page, signs in at the simulator's hosted UI and follows the redirects
	 * back to the page.
	 * @return the page as it answers once signed in
	 */
	HttpResponse<String> signIn(String url, String simulatorBaseUrl, String username, String password) {
		HttpResponse<String> page = navigate(url);
		HttpResponse<String> start = follow(page);
		HttpResponse<String> form = follow(start);
		assertThat(form.statusCode()).as("hosted UI: %s", form.body()).isEqualTo(200);
		Map<String, String> fields = hiddenFields(form.body());
		fields.put("username", username);
		fields.put("password", password);
		HttpResponse<String> signedIn = post(simulatorBaseUrl + "/login", fields);
		HttpResponse<String> callback = follow(signedIn);
		assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(302);
		return follow(callback);
	}

	static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

	static URI location(HttpResponse<String> redirect) {
		String location = redirect.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError(
					"expected a redirect from " + redirect.uri() + " but got " + redirect.statusCode()));
		return redirect.uri().resolve(location);
	}

	private static String[] with(String[] headers, String name, String value) {
		String[] all = new String[headers.length + 2];
		System.arraycopy(headers, 0, all, 0, headers.length);
		all[headers.length] = name;
		all[headers.length + 1] = value;
		return all;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
