/**
 * The servlet filter-chain glue: the default chain, the configurer for an application's
 * own chain, the controller-parameter resolver.
 */
package io.github.cognitosso.autoconfigure.servlet.web;
