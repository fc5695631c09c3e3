package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An upstream that is no Spring application: the JDK's HTTP server on a loopback port,
 * recording what reached it and answering {@value #BODY} with the request's path.
 */
final class EchoUpstream implements AutoCloseable {

	static final String BODY = "from-upstream";

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	EchoUpstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", (exchange) -> {
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
			String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			synchronized (this.received) {
				this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
						requestBody));
			}
			byte[] body = (BODY + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	Received last() {
		List<Received> all = received();
		if (all.isEmpty()) {
			throw new AssertionError("the upstream received no request");
		}
		return all.get(all.size() - 1);
	}

	void clear() {
		synchronized (this.received) {
			this.received.clear();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as the upstream saw it; header names case-insensitive. */
	record Received(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null) ? String.join(", ", values) : null;
		}

		/** Every header value, for "this never reached the upstream" checks. */
		String everything() {
			return this.headers.toString();
		}

	}

}
