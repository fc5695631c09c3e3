package io.github.cognitosso.docs.m2m;

/**
 * An order of the orders API the snippets of docs/machine-to-machine.md call.
 */
record Order(String id, String status) {

}
