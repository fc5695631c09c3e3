package io.github.cognitosso.sample.reactive;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The machine-to-machine demo, as in the servlet sample: the application calls its own
 * {@code /api/hello} as a machine, with a token from the client credentials grant
 * attached by the starter's {@code cognitoWebClient}.
 * <p>
 * The API's address is fixed, the app's own loopback address and port, and never taken
 * from the request: a URL built from the {@code Host} header would let anyone send the
 * machine token to a host of their choice.
 */
@RestController
class MachineToMachineController {

	private final ObjectProvider<WebClient> machineClient;

	private final Environment environment;

	MachineToMachineController(@Qualifier("cognitoWebClient") ObjectProvider<WebClient> machineClient,
			Environment environment) {
		this.machineClient = machineClient;
		this.environment = environment;
	}

	@GetMapping(path = "/m2m", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> callApiAsMachine(ServerWebExchange exchange) {
		WebClient client = this.machineClient.getIfAvailable();
		if (client == null) {
			return page(exchange, "<p id=\"m2m-result\">Set <code>cognito.client-credentials.*</code> to call the "
					+ "API with the client credentials grant.</p>\n");
		}
		String api = apiUrl("/api/hello");
		if (api == null) {
			return page(exchange, "<p id=\"m2m-result\">The application's port is not known yet.</p>\n");
		}
		return client.get()
			.uri(api)
			.retrieve()
			.bodyToMono(String.class)
			.onErrorResume((ex) -> Mono.just("The API call failed: " + ex.getMessage()))
			.flatMap((result) -> page(exchange,
					"<p>The app asked Cognito for a token with the client credentials grant and called " + "<code>GET "
							+ Pages.escape(api) + "</code> with it. The API answered:</p>\n" + "<pre id=\"m2m-result\">"
							+ Pages.escape(result) + "</pre>\n"));
	}

	/**
	 * @return the URL of one of the app's own endpoints, read at call time
	 * ({@code local.server.port} exists once the web server has started), or {@code null}
	 * before that
	 */
	private String apiUrl(String path) {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return null;
		}
		return "http://127.0.0.1:" + port + this.environment.getProperty("spring.webflux.base-path", "") + path;
	}

	private static Mono<String> page(ServerWebExchange exchange, String body) {
		return Pages.page(exchange, "Machine to machine", "<h1>Machine to machine</h1>\n" + body);
	}

}
