package io.github.cognitosso.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public home page: a sign-in link, or who is signed in and a sign-out button.
 */
@RestController
class HomeController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		StringBuilder body = new StringBuilder("<h1>cognito-sso sample</h1>\n");
		if (signedIn) {
			body.append("<p id=\"greeting\">Signed in as <strong>")
				.append(Pages.escape(authentication.getName()))
				.append("</strong></p>\n");
		}
		else {
			body.append("<p id=\"greeting\">You are not signed in. <a id=\"signin\" href=\"/me\">Sign in</a></p>\n");
		}
		body.append("<ul>\n<li><a href=\"/me\">My profile</a> (signed in)</li>\n")
			.append("<li><a href=\"/admin\">Admin page</a> (group admin)</li>\n")
			.append("<li><a href=\"/m2m\">Machine-to-machine demo</a> (client credentials calling /api/hello)</li>\n")
			.append("<li><code>GET /api/hello</code> and <code>GET /api/admin</code> with a bearer token</li>\n</ul>\n");
		if (signedIn) {
			body.append(Pages.signOutForm(request));
		}
		return Pages.page("cognito-sso sample", body.toString());
	}

}
