/**
 * The start-up report: which Cognito features are active in this application, and what
 * the settings ask for that the starter does not cover on its stack.
 */
package io.github.cognitosso.autoconfigure.report;
