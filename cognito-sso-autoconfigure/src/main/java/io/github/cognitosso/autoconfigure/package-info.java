/**
 * The user pool: its properties, derived endpoints, configuration checks and conditions;
 * no web types.
 */
package io.github.cognitosso.autoconfigure;
