package io.github.cognitosso.benchmarks.load;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API both load-test applications serve: one authenticated endpoint that names the
 * caller, so each request goes through bearer-token validation, the authentication
 * converter, authorization and Spring MVC.
 */
@RestController
public class HelloController {

	@GetMapping("/api/hello")
	public String hello(Authentication authentication) {
		return "hello " + authentication.getName();
	}

}
