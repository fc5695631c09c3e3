package io.github.cognitosso.benchmarks.load.securityfloor;

import io.github.cognitosso.benchmarks.load.HelloController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The same API behind Spring Security's filter chain that authenticates nobody: every
 * request let through as anonymous, with the filters the starter's default chain keeps
 * for an API (security headers, firewall, security context, anonymous user, exception
 * translation, authorization; stateless, no CSRF, logout or saved request), but no
 * bearer-token filter. What Spring Security's chain costs by itself, between the
 * unsecured floor and the starter.
 */
@SpringBootApplication
@Import(HelloController.class)
public class SecurityFloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecurityFloorApplication.class, args);
	}

	@Bean
	SecurityFilterChain permitAll(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.logout((logout) -> logout.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
