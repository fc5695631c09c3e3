package io.github.cognitosso.docs.resourceserver;

/**
 * An order, as the snippets of docs/resource-server.md handle it.
 */
record Order(String id, String item) {

}
