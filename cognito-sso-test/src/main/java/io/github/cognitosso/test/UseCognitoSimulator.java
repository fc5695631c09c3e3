package io.github.cognitosso.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring Boot application against a local {@link CognitoSimulator} when, and only
 * when, its configuration names no user pool. Put it on a class that is one of the
 * application's sources: a class passed to {@code SpringApplication.run(...)}, or one
 * given to {@code SpringApplication.from(MyApp::main).with(...)} in {@code src/test} for
 * a development run ({@code mvn spring-boot:test-run}).
 * <p>
 * The decision is taken once every property source is loaded ({@code application.yml} and
 * its profiles, {@code --spring.config.additional-location},
 * {@code SPRING_APPLICATION_JSON}, environment variables, command-line arguments): when
 * {@code cognito.user-pool-id} resolves to a value, nothing happens and the application
 * talks to that pool. Otherwise the simulator starts on 127.0.0.1 and its
 * {@code cognito.*} values (pool id, issuer, domain, app client id and secret, and the
 * machine client's credentials when one is named) are placed above every other property
 * source, so an {@code application.yml} with empty {@code ${COGNITO_...:}} placeholders
 * cannot override them. The running port is registered as a callback and sign-out URL of
 * the app client. Both modes are logged at start-up.
 *
 * <pre class="code">
 * // src/test/java/com/example/TestMyApplication.java
 * public class TestMyApplication {
 *     public static void main(String[] args) {
 *         SpringApplication.from(MyApplication::main).with(LocalCognito.class).run(args);
 *     }
 *     &#64;UseCognitoSimulator
 *     static class LocalCognito {
 *     }
 * }
 * </pre>
 *
 * Tests use {@link EnableCognitoSimulator} instead, which always starts a simulator for
 * the test's context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UseCognitoSimulator {

	/**
	 * @return a classpath location of a simulator YAML file (see
	 * {@link CognitoSimulator#fromYaml}); empty for the demo pool of
	 * {@link CognitoSimulator#demo()}
	 */
	String config() default "";

	/**
	 * @return the app client whose id and secret go into {@code cognito.client-id} and
	 * {@code cognito.client-secret}
	 */
	String clientId() default "demo-client";

	/**
	 * @return a machine-to-machine client of the simulated pool whose id, secret and
	 * scopes go into {@code cognito.client-credentials.*} and whose tokens the resource
	 * server accepts; empty for none
	 */
	String machineClientId() default "";

}
