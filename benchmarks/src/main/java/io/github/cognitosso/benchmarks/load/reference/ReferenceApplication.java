package io.github.cognitosso.benchmarks.load.reference;

import io.github.cognitosso.benchmarks.load.HelloController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The reference: the API secured by plain Spring Boot and Spring Security, configured
 * only through {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and
 * {@code issuer-uri} (Boot's default chain: every request authenticated,
 * {@code NimbusJwtDecoder} with the default validators and the issuer check). The load
 * benchmark starts it with {@code cognito.enabled=false}, so the starter's classes on the
 * class path stay inert.
 */
@SpringBootApplication
@Import(HelloController.class)
public class ReferenceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReferenceApplication.class, args);
	}

}
