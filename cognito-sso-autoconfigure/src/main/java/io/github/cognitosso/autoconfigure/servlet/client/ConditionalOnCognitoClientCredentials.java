package io.github.cognitosso.autoconfigure.servlet.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.cognitosso.autoconfigure.ConditionalOnCognito;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when machine-to-machine clients are on:
 * {@code cognito.client-credentials.enabled=true}, or by default when the starter is
 * active and any value under {@code cognito.client-credentials} (client-id,
 * client-secret, scopes, base-url or a named client) is set.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnCognito
@Conditional(OnCognitoClientCredentialsCondition.class)
public @interface ConditionalOnCognitoClientCredentials {

}
