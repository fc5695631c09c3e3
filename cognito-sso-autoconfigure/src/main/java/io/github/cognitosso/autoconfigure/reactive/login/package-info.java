/**
 * Browser sign-in on WebFlux through Cognito's managed login: the reactive adapter of the
 * core's login pieces (client registration, ID-token check, user service, pages, logout
 * URL), with token refresh that follows the session and a logout that revokes the refresh
 * token and ends the Cognito session. Blocking calls to Cognito run on Reactor's bounded
 * elastic scheduler, never on an event-loop thread.
 */
package io.github.cognitosso.autoconfigure.reactive.login;
