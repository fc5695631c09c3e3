/**
 * Machine-to-machine calls on {@code WebClient}: an exchange filter over the core's token
 * source, never blocking an event loop, and the pre-built {@code cognitoWebClient}.
 */
package io.github.cognitosso.autoconfigure.reactive.client;
