package io.github.cognitosso.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import org.springframework.web.util.HtmlUtils;

/**
 * The upstream of the browser test, no Spring application: the JDK's HTTP server on a
 * loopback port, answering every request with a page that lists the request's headers,
 * each in an element {@code header-<lower-case name>}.
 */
final class HeaderEchoUpstream implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	HeaderEchoUpstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			headers.putAll(exchange.getRequestHeaders());
			StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>echo</title></head><body>");
			html.append("<p id=\"path\">")
				.append(HtmlUtils.htmlEscape(exchange.getRequestURI().getPath()))
				.append("</p>");
			headers.forEach((name, values) -> html.append("<p id=\"header-")
				.append(HtmlUtils.htmlEscape(name.toLowerCase(Locale.ROOT)))
				.append("\">")
				.append(HtmlUtils.htmlEscape(String.join(", ", values)))
				.append("</p>"));
			html.append("</body></html>");
			byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
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

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
