/**
 * Machine-to-machine access tokens on Spring's RestClient: the client-credentials
 * auto-configuration, its properties and the interceptor limited to trusted origins.
 */
package io.github.cognitosso.autoconfigure.servlet.client;
