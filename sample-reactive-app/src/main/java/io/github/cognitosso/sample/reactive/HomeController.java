package io.github.cognitosso.sample.reactive;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Public home page: who is signed in (or a sign-in link) and what there is to try.
 */
@RestController
class HomeController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> home(ServerWebExchange exchange) {
		return Pages.signedInUser(exchange)
			.map((user) -> "<p id=\"greeting\" class=\"lead\">Signed in as <strong>" + Pages.escape(user.getName())
					+ "</strong>.</p>\n")
			.defaultIfEmpty("<p id=\"greeting\" class=\"lead\">You are not signed in. "
					+ "<a id=\"signin\" href=\"/me\">Sign in</a> with the Cognito user pool.</p>\n")
			.flatMap((greeting) -> Pages.page(exchange, "Home", "<h1>Welcome</h1>\n" + greeting + CARDS));
	}

	private static final String CARDS = "<ul class=\"cards\">\n"
			+ "<li><a href=\"/me\">My profile</a><p>Your ID token and access token, their expiry, "
			+ "your Cognito groups and the Spring Security authorities they became. Needs a sign-in.</p></li>\n"
			+ "<li><a href=\"/admin\">Admin page</a><p>Only for members of the Cognito group "
			+ "<code>admin</code>.</p></li>\n"
			+ "<li><a href=\"/m2m\">Machine to machine</a><p>The app calls its own <code>/api/hello</code> "
			+ "with a token from the client credentials grant.</p></li>\n"
			+ "<li><code>GET /api/hello</code>, <code>GET /api/admin</code><p>The API, for callers with a "
			+ "Cognito access token in <code>Authorization: Bearer</code>.</p></li>\n" + "</ul>\n";

}
