package io.github.cognitosso.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The sample's minimal HTML: a page frame and the sign-out form (a CSRF-protected POST to /logout).
 */
final class Pages {

	private Pages() {
	}

	static String page(String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
				+ "</title></head>\n<body>\n<nav><a href=\"/\">Home</a> | <a href=\"/me\">Me</a> | "
				+ "<a href=\"/admin\">Admin</a> | <a href=\"/m2m\">M2M demo</a></nav>\n<main>\n" + body
				+ "</main>\n</body></html>\n";
	}

	static String signOutForm(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = (csrf != null) ? "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName())
				+ "\" value=\"" + escape(csrf.getToken()) + "\">" : "";
		return "<form id=\"signout\" method=\"post\" action=\"/logout\">" + token
				+ "<button id=\"signout-button\" type=\"submit\">Sign out</button></form>\n";
	}

	static String escape(String value) {
		return HtmlUtils.htmlEscape((value != null) ? value : "");
	}

}
