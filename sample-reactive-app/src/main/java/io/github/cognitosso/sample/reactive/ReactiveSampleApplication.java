package io.github.cognitosso.sample.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application on Spring WebFlux, secured by Amazon Cognito through
 * cognito-sso-starter: the same pages, API and {@code cognito.*} properties as the
 * servlet sample. Without a user pool configured it runs against a local Cognito
 * simulator (see {@link LocalCognito}).
 */
@SpringBootApplication
public class ReactiveSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { ReactiveSampleApplication.class, LocalCognito.class }, args);
	}

}
