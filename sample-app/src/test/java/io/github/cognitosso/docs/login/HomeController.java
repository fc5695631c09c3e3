package io.github.cognitosso.docs.login;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * docs/login.md, "Logout": a sign-out form written without a template engine.
 */
@RestController
class HomeController {

	// tag::logout-form[]
	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(@RequestAttribute("_csrf") CsrfToken csrf) {
		return """
				<form method="post" action="/logout">
				  <input type="hidden" name="%s" value="%s">
				  <button>Sign out</button>
				</form>
				""".formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}
	// end::logout-form[]

}
