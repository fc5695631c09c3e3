/**
 * The WebFlux filter-chain glue: the default {@code SecurityWebFilterChain}, the way an
 * application applies the Cognito features to its own chain, the controller-parameter
 * resolver.
 */
package io.github.cognitosso.autoconfigure.reactive.web;
