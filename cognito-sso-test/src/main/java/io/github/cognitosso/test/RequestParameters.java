package io.github.cognitosso.test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * Reads what a request to the simulator carries: query and form parameters (first value
 * wins), cookies and the space-separated {@code scope} parameter.
 */
final class RequestParameters {

	private RequestParameters() {
	}

	static Map<String, String> query(Request request) {
		Map<String, String> params = new LinkedHashMap<>();
		String query = URI.create(request.getUrl()).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				params.putIfAbsent(name, value);
			}
		}
		return params;
	}

	static Map<String, String> form(Request request) {
		Map<String, String> form = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, FormParameter> entry : request.formParameters().entrySet()) {
				form.put(entry.getKey(), entry.getValue().firstValue());
			}
		}
		catch (RuntimeException ex) {
			// Not a form body: treated as no parameters, which every endpoint reports as
			// invalid_request.
		}
		return form;
	}

	/**
	 * @return every value of the cookie, or none
	 */
	static List<String> cookie(Request request, String name) {
		Cookie cookie = request.getCookies().get(name);
		return (cookie != null) ? cookie.getValues() : List.of();
	}

	static List<String> scopes(String scope) {
		List<String> scopes = new ArrayList<>();
		if (scope != null) {
			for (String s : scope.trim().split("[\\s+]+")) {
				if (!s.isEmpty()) {
					scopes.add(s);
				}
			}
		}
		return scopes;
	}

}
