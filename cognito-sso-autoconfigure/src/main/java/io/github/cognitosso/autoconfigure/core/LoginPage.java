package io.github.cognitosso.autoconfigure.core;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

/**
 * The small built-in pages shown when sign-in fails or access is denied, instead of
 * Spring Security's generated login page (whose "Invalid credentials" is wrong for a user
 * who declined or was refused) or a stack trace. Every text is HTML-escaped: parts of it
 * come from the callback's query string. One look for every web stack; the adapters only
 * write it. Public for those adapters; not an application API.
 */
public final class LoginPage {

	private LoginPage() {
	}

	/**
	 * @param title the page's title and heading
	 * @param message what happened, for the user
	 * @param detail a technical detail (an error code), or {@code null}
	 * @param linkHref where the page's one link goes, or {@code null} for none
	 * @param linkText the link's text
	 * @return the whole page
	 */
	public static String html(String title, String message, String detail, String linkHref, String linkText) {
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
		return html.toString();
	}

	/**
	 * @return the page's text for a signed-in user who lacks a permission
	 */
	public static String accessDeniedMessage(String userName) {
		String who = (userName != null) ? "You are signed in as " + userName + ", but this" : "This";
		return who + " page needs a permission you do not have.";
	}

	/** The message of the page for a rejected CSRF token. */
	public static final String PAGE_EXPIRED_MESSAGE = "The form you sent was too old to be accepted, for example "
			+ "because you were signed out in the meantime. Go back, reload the page and try again.";

	/** The message of the page for a session Cognito did not answer the refresh of. */
	public static final String SESSION_NOT_RENEWED_MESSAGE = "Your sign-in has to be renewed with Amazon Cognito, "
			+ "which did not answer. Please try again in a moment.";

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
