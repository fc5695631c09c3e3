package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The small built-in pages shown when sign-in fails or access is denied, instead of
 * Spring Security's generated login page (whose "Invalid credentials" is wrong for a user
 * who declined or was refused) or a stack trace. Every text is HTML-escaped: parts of it
 * come from the callback's query string.
 */
final class LoginPages {

	private LoginPages() {
	}

	static void write(HttpServletResponse response, int status, String title, String message, String detail,
			String linkHref, String linkText) throws IOException {
		StringBuilder html = new StringBuilder(512);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
			.append(escape(title))
			.append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;")
			.append("padding:0 1rem;color:#222}code{color:#555}</style>\n</head>\n<body>\n<h1>")
			.append(escape(title))
			.append("</h1>\n<p>")
			.append(escape(message))
			.append("</p>\n");
		if (detail != null) {
			html.append("<p><code>").append(escape(detail)).append("</code></p>\n");
		}
		if (linkHref != null) {
			html.append("<p><a href=\"")
				.append(escape(linkHref))
				.append("\">")
				.append(escape(linkText))
				.append("</a></p>\n");
		}
		html.append("</body>\n</html>\n");
		byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
