package io.github.cognitosso.usage.signin;

import io.github.cognitosso.test.UseCognitoSimulator;

import org.springframework.boot.SpringApplication;

// tag::dev-run[]
// src/test/java/.../TestTeamApplication.java: run with `mvn spring-boot:test-run` (or from the IDE)
public class TestTeamApplication {

	public static void main(String[] args) {
		SpringApplication.from(TeamApplication::main).with(LocalCognito.class).run(args);
	}

	// Starts the demo pool only when no cognito.user-pool-id is configured anywhere.
	@UseCognitoSimulator
	static class LocalCognito {

	}

}
// end::dev-run[]
