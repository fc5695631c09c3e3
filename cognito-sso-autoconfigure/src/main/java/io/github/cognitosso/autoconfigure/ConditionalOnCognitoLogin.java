package io.github.cognitosso.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when browser login is on: {@code cognito.login.enabled=true}, or by default
 * when the starter is active and both a domain (or an authorization endpoint override)
 * and {@code cognito.client-id} are set.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnCognito
@Conditional(OnCognitoLoginCondition.class)
public @interface ConditionalOnCognitoLogin {

}
