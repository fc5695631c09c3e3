/**
 * Health, metrics and info for Actuator: the {@code cognito} health contributor, the
 * Micrometer binding of the core's {@code CognitoInstrumentation}, the validated-token
 * cache's meters and the {@code cognito} info contributor. Backs off without Actuator.
 */
package io.github.cognitosso.autoconfigure.actuate;
