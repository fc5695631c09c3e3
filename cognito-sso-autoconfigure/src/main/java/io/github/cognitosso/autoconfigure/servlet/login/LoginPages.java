package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.cognitosso.autoconfigure.core.LoginPage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * The small built-in pages shown when sign-in fails or access is denied, instead of
 * Spring Security's generated login page (whose "Invalid credentials" is wrong for a user
 * who declined or was refused) or a stack trace. Every text is HTML-escaped: parts of it
 * come from the callback's query string. The page itself is the core's {@link LoginPage},
 * shared with WebFlux.
 */
final class LoginPages {

	private LoginPages() {
	}

	static void write(HttpServletResponse response, int status, String title, String message, String detail,
			String linkHref, String linkText) throws IOException {
		byte[] body = LoginPage.html(title, message, detail, linkHref, linkText).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
