/**
 * The Cognito core, shared by every web stack: keys, token validation, authorities, the
 * token-endpoint client and its errors; no servlet, no WebFlux.
 */
package io.github.cognitosso.autoconfigure.core;
