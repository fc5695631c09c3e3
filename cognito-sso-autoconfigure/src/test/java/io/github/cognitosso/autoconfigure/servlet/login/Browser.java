package io.github.cognitosso.autoconfigure.servlet.login;

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
import java.util.stream.Collectors;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser as far as sign-in is concerned: keeps cookies, sends navigation headers, and
 * does not follow redirects on its own, so a test can look at (and tamper with) every
 * hop.
 */
final class Browser {

	static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	Browser() {
		CookieManager cookies = this.cookies;
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * @return the value of the cookie with that name (cookies are per host, not per
	 * port), or {@code null}
	 */
	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** A navigation: what a browser sends when the user opens a URL. */
	HttpResponse<String> navigate(String url) {
		return get(url, Map.of("Accept", NAVIGATION_ACCEPT));
	}

	HttpResponse<String> get(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** A form submission. */
	HttpResponse<String> post(String url, Map<String, String> form) {
		return post(url, form, Map.of());
	}

	/** A form submission with more headers. */
	HttpResponse<String> post(String url, Map<String, String> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", NAVIGATION_ACCEPT)
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Follows the Location of a redirect, as a browser navigation. */
	HttpResponse<String> follow(HttpResponse<String> redirect) {
		return navigate(location(redirect).toString());
	}

	static URI location(HttpResponse<String> redirect) {
		String location = redirect.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError(
					"expected a redirect from " + redirect.uri() + " but got " + redirect.statusCode()));
		return redirect.uri().resolve(location);
	}

	/**
	 * @return the decoded query parameters (first value of each)
	 */
	static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(uri)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name, (values.get(0) != null)
					? java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8) : null));
		return parameters;
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
