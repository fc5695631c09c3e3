package io.github.cognitosso.benchmarks.load.reactive.starter;

import io.github.cognitosso.benchmarks.load.TokenCacheCounters;
import io.github.cognitosso.benchmarks.load.reactive.ReactiveHelloController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The reactive API secured by the starter, configured only through {@code cognito.*} (the
 * starter's default {@code SecurityWebFilterChain}: every request authenticated, the
 * reactive Cognito decoder with every check, stateless). The benchmarks' class path also
 * holds Spring MVC, so the application asks for WebFlux explicitly. It also serves the
 * cache counters the load benchmark reads ({@link TokenCacheCounters}).
 */
@SpringBootApplication
@Import({ ReactiveHelloController.class, TokenCacheCounters.class })
public class ReactiveStarterApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReactiveStarterApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.run(args);
	}

}
