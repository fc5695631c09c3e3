package io.github.cognitosso.docs.gettingstarted;

import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/getting-started.md, "Write your own rules": an application with public pages and
 * an admin area.
 */
@SpringBootApplication
public class GettingStartedApplication {

	// tag::security[]
	@Bean
	SecurityFilterChain security(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/", "/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("admin")
			.anyRequest()
			.authenticated());
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}
	// end::security[]

	@RestController
	static class Pages {

		@GetMapping("/")
		String home() {
			return "Welcome";
		}

		@GetMapping("/admin/report")
		String report() {
			return "Report";
		}

		@GetMapping("/account")
		String account() {
			return "Account";
		}

	}

}
