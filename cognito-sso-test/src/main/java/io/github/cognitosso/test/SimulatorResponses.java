package io.github.cognitosso.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The shapes of the simulator's answers, as Cognito sends them: JSON bodies, OAuth
 * errors, redirects to the client and the hosted UI's HTML pages, none of them cacheable.
 */
final class SimulatorResponses {

	private SimulatorResponses() {
	}

	static ResponseDefinitionBuilder response(int status) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Cache-Control", "no-store");
	}

	static ResponseDefinition json(int status, Map<String, ?> body) {
		return response(status).withHeader("Content-Type", "application/json;charset=UTF-8")
			.withBody(JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(body)))
			.build();
	}

	static ResponseDefinition html(int status, String html) {
		return response(status).withHeader("Content-Type", "text/html;charset=utf-8").withBody(html).build();
	}

	/**
	 * Cognito's token and revocation endpoints answer every OAuth error with HTTP 400 and
	 * a JSON error code.
	 */
	static ResponseDefinition oauthError(String error) {
		return json(400, Map.of("error", error));
	}

	static ResponseDefinition bearerError(String error, String description) {
		return response(401)
			.withHeader("WWW-Authenticate", "Bearer error=\"" + error + "\", error_description=\"" + description + "\"")
			.withHeader("Content-Type", "application/json;charset=UTF-8")
			.withBody(JSONObjectUtils
				.toJSONString(new LinkedHashMap<>(Map.of("error", error, "error_description", description))))
			.build();
	}

	static ResponseDefinition redirectWithError(String redirectUri, String error, String state) {
		StringJoiner query = new StringJoiner("&");
		query.add("error=" + error);
		if (state != null) {
			query.add("state=" + encode(state));
		}
		return response(302).withHeader("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + query)
			.build();
	}

	static ResponseDefinition errorPage(int status, String error, String description) {
		return html(status,
				"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head><body>"
						+ "<h1>An error was encountered with the requested page.</h1><p id=\"error\">"
						+ escapeHtml(error) + ": " + escapeHtml(description) + "</p></body></html>");
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String escapeHtml(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
