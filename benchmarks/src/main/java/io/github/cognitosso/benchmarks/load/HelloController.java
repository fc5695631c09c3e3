package io.github.cognitosso.benchmarks.load;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API every load-test application serves: one authenticated endpoint that names the
 * caller, so each request goes through bearer-token validation, the authentication
 * converter, authorization and Spring MVC. In the unsecured floor there is no caller, and
 * it answers with {@link #UNSECURED_CALLER} instead.
 */
@RestController
public class HelloController {

	/**
	 * The name the unsecured floor answers with: as long as the starter's names of the
	 * benchmark's users ({@code user-10} to {@code user-99}), so the floor's answer has
	 * the size of the starter's.
	 */
	public static final String UNSECURED_CALLER = "anybody";

	/**
	 * @param authentication the caller, or {@code null} in the unsecured floor
	 */
	@GetMapping("/api/hello")
	public String hello(Authentication authentication) {
		return "hello " + ((authentication != null) ? authentication.getName() : UNSECURED_CALLER);
	}

}
