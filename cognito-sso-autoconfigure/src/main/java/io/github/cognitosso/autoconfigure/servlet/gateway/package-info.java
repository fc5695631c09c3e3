/**
 * Cognito single sign-on in front of applications that know nothing of OAuth, on Spring
 * Cloud Gateway Server WebMVC: token relay, identity headers, a signed assertion of the
 * user, per-route group and scope policies, and a catch-all route to one upstream. Backs
 * off without Spring Cloud Gateway on the class path.
 */
package io.github.cognitosso.autoconfigure.servlet.gateway;
