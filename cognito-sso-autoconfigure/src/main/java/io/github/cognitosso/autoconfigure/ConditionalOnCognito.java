package io.github.cognitosso.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the starter should be active: {@code cognito.enabled} is not false and
 * {@code cognito.user-pool-id} has a value. Everything the starter contributes sits
 * behind this condition, so an application without a pool id (or with
 * {@code cognito.enabled=false}) behaves as if the starter were absent.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnCognitoCondition.class)
public @interface ConditionalOnCognito {

}
