/**
 * Bearer-token validation for Spring MVC: the resource-server auto-configuration, its
 * filter-chain set-up and RFC 6750 answers.
 */
package io.github.cognitosso.autoconfigure.servlet.resource;
