package io.github.cognitosso.benchmarks.load.reactive.reference;

import io.github.cognitosso.benchmarks.load.reactive.ReactiveHelloController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The reactive reference: the API on WebFlux secured by plain Spring Boot and Spring
 * Security, configured only through
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}
 * (Boot's default {@code SecurityWebFilterChain}: every request authenticated,
 * {@code NimbusReactiveJwtDecoder} with the default validators and the issuer check). The
 * load benchmark starts it with {@code cognito.enabled=false}, so the starter's classes
 * on the class path stay inert.
 */
@SpringBootApplication
@Import(ReactiveHelloController.class)
public class ReactiveReferenceApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReactiveReferenceApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.run(args);
	}

}
