package io.github.cognitosso.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link CognitoSimulator} for a Spring test and points the starter's
 * {@code cognito.*} properties at it before the application context is refreshed (so the
 * starter's conditions see them), so the test exercises the application's real login and
 * token validation without AWS. The simulator is a bean: inject it to mint tokens or
 * verify requests. It stops when the test's application context closes; tests that share
 * a context share it.
 *
 * <pre class="code">
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)
 * &#64;EnableCognitoSimulator
 * class ApiTests {
 *     &#64;Autowired CognitoSimulator cognito;
 *     ...
 *     String token = cognito.tokens().accessToken(cognito.user("alice"), "demo-client", "openid");
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EnableCognitoSimulator {

	/**
	 * @return the app client whose id and secret go into {@code cognito.client-id} and
	 * {@code cognito.client-secret}
	 */
	String clientId() default "demo-client";

	/**
	 * @return a classpath location of a simulator YAML file (see
	 * {@link CognitoSimulator#fromYaml}); empty for the demo pool of
	 * {@link CognitoSimulator#demo()}
	 */
	String config() default "";

}
