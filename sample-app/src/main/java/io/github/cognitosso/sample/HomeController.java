package io.github.cognitosso.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public home page: who is signed in (or a sign-in link) and what there is to try.
 */
@RestController
class HomeController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(HttpServletRequest request) {
		Authentication user = Pages.signedInUser();
		StringBuilder body = new StringBuilder("<h1>Welcome</h1>\n");
		if (user != null) {
			body.append("<p id=\"greeting\" class=\"lead\">Signed in as <strong>")
				.append(Pages.escape(user.getName()))
				.append("</strong>.</p>\n");
		}
		else {
			body.append("<p id=\"greeting\" class=\"lead\">You are not signed in. ")
				.append("<a id=\"signin\" href=\"/me\">Sign in</a> with the Cognito user pool.</p>\n");
		}
		body.append("<ul class=\"cards\">\n")
			.append("<li><a href=\"/me\">My profile</a><p>Your ID token and access token, their expiry, ")
			.append("your Cognito groups and the Spring Security authorities they became. Needs a sign-in.</p></li>\n")
			.append("<li><a href=\"/admin\">Admin page</a><p>Only for members of the Cognito group ")
			.append("<code>admin</code>.</p></li>\n")
			.append("<li><a href=\"/m2m\">Machine to machine</a><p>The app calls its own <code>/api/hello</code> ")
			.append("with a token from the client credentials grant.</p></li>\n")
			.append("<li><code>GET /api/hello</code>, <code>GET /api/admin</code><p>The API, for callers with a ")
			.append("Cognito access token in <code>Authorization: Bearer</code>.</p></li>\n")
			.append("</ul>\n");
		return Pages.page(request, "Home", body.toString());
	}

}
