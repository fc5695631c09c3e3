/**
 * Bearer-token validation for Spring WebFlux: the reactive resource-server
 * auto-configuration, the reactive decoder over the core's, its filter-chain set-up and
 * RFC 6750 answers.
 */
package io.github.cognitosso.autoconfigure.reactive.resource;
