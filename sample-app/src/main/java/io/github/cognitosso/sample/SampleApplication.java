package io.github.cognitosso.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application secured by Amazon Cognito through cognito-sso-starter: all it
 * needs is the {@code cognito.*} properties in application.yml. Without a user pool
 * configured it runs against a local Cognito simulator (see {@link LocalCognito}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { SampleApplication.class, LocalCognito.class }, args);
	}

}
