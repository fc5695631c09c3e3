package io.github.cognitosso.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application secured by Amazon Cognito through cognito-sso-starter: all it needs is the
 * {@code cognito.*} properties in application.yml. Without {@code COGNITO_USER_POOL_ID} it runs against a local
 * Cognito simulator (see {@link LocalCognito}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		LocalCognito.useSimulatorUnlessConfigured(application, args);
		application.run(args);
	}

}
