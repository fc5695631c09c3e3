package io.github.cognitosso.docs.resourceserver;

import java.util.List;

/**
 * Where the orders of the snippets live.
 */
interface Orders {

	List<Order> all();

	void delete(String id);

	Order save(Order order);

}
