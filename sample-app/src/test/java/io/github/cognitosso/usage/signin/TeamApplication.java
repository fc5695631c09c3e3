package io.github.cognitosso.usage.signin;

import java.security.Principal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's application with browser sign-in and nothing else: the starter's default
 * security, one page.
 */
@SpringBootApplication
public class TeamApplication {

	public static void main(String[] args) {
		SpringApplication.run(TeamApplication.class, args);
	}

	@RestController
	static class TeamController {

		@GetMapping(path = "/team", produces = MediaType.TEXT_HTML_VALUE)
		String team(Principal user) {
			return "<p id=\"member\">" + org.springframework.web.util.HtmlUtils.htmlEscape(user.getName()) + "</p>";
		}

	}

}
