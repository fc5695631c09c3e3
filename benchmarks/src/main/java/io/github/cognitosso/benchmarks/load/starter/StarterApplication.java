package io.github.cognitosso.benchmarks.load.starter;

import io.github.cognitosso.benchmarks.load.HelloController;
import io.github.cognitosso.benchmarks.load.TokenCacheCounters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The same API secured by the starter, configured only through {@code cognito.*} (the
 * starter's default chain: every request authenticated, the Cognito decoder with every
 * check, stateless), plus the cache counters the load benchmark reads
 * ({@link TokenCacheCounters}).
 */
@SpringBootApplication
@Import({ HelloController.class, TokenCacheCounters.class })
public class StarterApplication {

	public static void main(String[] args) {
		SpringApplication.run(StarterApplication.class, args);
	}

}
