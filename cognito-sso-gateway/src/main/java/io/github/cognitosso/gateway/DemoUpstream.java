package io.github.cognitosso.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.web.util.HtmlUtils;

/**
 * The built-in demo upstream: an application that knows nothing of OAuth (the JDK's HTTP
 * server on a loopback port, no Spring) and shows the request it received from the
 * gateway: the identity headers, the access token (abbreviated) and every other header.
 */
final class DemoUpstream implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private DemoUpstream(HttpServer server) {
		this.server = server;
	}

	static DemoUpstream start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			DemoUpstream upstream = new DemoUpstream(server);
			server.setExecutor(upstream.executor);
			server.createContext("/", DemoUpstream::answer);
			server.start();
			return upstream;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the demo upstream", ex);
		}
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private static void answer(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values));
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Demo upstream</title></head><body>
				<h1>Demo upstream</h1>
				<p>This application knows nothing of OAuth. The gateway signed you in and sent this request:</p>
				""");
		html.append("<p>Path: <code id=\"path\">")
			.append(escape(exchange.getRequestURI().getPath()))
			.append("</code></p>\n<dl>\n");
		identity(html, "username", headers.get("X-Cognito-Username"));
		identity(html, "sub", headers.get("X-Cognito-Sub"));
		identity(html, "email", headers.get("X-Cognito-Email"));
		identity(html, "groups", headers.get("X-Cognito-Groups"));
		html.append("</dl>\n<h2>Every header</h2>\n<table>\n");
		headers.forEach((name, values) -> html.append("<tr><th>")
			.append(escape(name))
			.append("</th><td id=\"header-")
			.append(escape(name.toLowerCase(Locale.ROOT)))
			.append("\">")
			.append(escape(shown(name, String.join(", ", values))))
			.append("</td></tr>\n"));
		html.append("""
				</table>
				<p><a id="admin" href="/admin/">Admin area</a> (group admin only)
				· <a id="signout" href="/.cognito-gateway/sign-out">Sign out</a></p>
				</body></html>
				""");
		byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void identity(StringBuilder html, String name, List<String> values) {
		html.append("<dt>")
			.append(name)
			.append("</dt><dd id=\"")
			.append(name)
			.append("\">")
			.append((values != null) ? escape(String.join(", ", values)) : "(none)")
			.append("</dd>\n");
	}

	/** An access token is shown by its start and length: a page is no place for it. */
	private static String shown(String name, String value) {
		if (name.equalsIgnoreCase("Authorization") && value.startsWith("Bearer ") && value.length() > 27) {
			return value.substring(0, 27) + "... (" + (value.length() - 7) + " characters)";
		}
		if (name.toLowerCase(Locale.ROOT).endsWith("-assertion") && value.length() > 20) {
			return value.substring(0, 20) + "... (" + value.length() + " characters)";
		}
		return value;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
