package io.github.cognitosso.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Cloud Gateway that signs users in with Amazon Cognito in front of applications
 * that know nothing of OAuth: no code of its own, only {@code cognito.*} and route
 * properties (application.yml). Without a user pool configured it runs against a local
 * Cognito simulator ({@link LocalCognito}); without an upstream, in front of a built-in
 * demo upstream that shows what it received ({@link DemoUpstream}).
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { GatewayApplication.class, LocalCognito.class }, args);
	}

}
