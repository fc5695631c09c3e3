/**
 * The ready gateway: Cognito single sign-on in front of upstream applications.
 */
package io.github.cognitosso.gateway;
