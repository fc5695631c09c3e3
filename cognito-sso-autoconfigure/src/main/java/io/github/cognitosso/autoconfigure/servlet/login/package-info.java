/**
 * Browser sign-in and logout for Spring MVC through Cognito's managed login.
 */
package io.github.cognitosso.autoconfigure.servlet.login;
