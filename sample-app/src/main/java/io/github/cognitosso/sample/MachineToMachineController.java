package io.github.cognitosso.sample;

import jakarta.servlet.http.HttpServletRequest;

import io.github.cognitosso.autoconfigure.client.CognitoTokenException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The machine-to-machine demo: the application calls its own {@code /api/hello} as a machine, with a token from
 * the client credentials grant attached by the starter's {@code cognitoRestClient}.
 */
@RestController
class MachineToMachineController {

	private final ObjectProvider<RestClient> machineClient;

	MachineToMachineController(@Qualifier("cognitoRestClient") ObjectProvider<RestClient> machineClient) {
		this.machineClient = machineClient;
	}

	@GetMapping(path = "/m2m", produces = MediaType.TEXT_HTML_VALUE)
	String callApiAsMachine(HttpServletRequest request) {
		RestClient client = this.machineClient.getIfAvailable();
		if (client == null) {
			return Pages.page(request, "Machine to machine", "<h1>Machine to machine</h1>\n<p id=\"m2m-result\">"
					+ "Set cognito.client-credentials.* to call the API with the client credentials grant.</p>\n");
		}
		String api = ServletUriComponentsBuilder.fromContextPath(request).path("/api/hello").toUriString();
		String result;
		try {
			result = client.get().uri(api).retrieve().body(String.class);
		}
		catch (CognitoTokenException ex) {
			result = "Cognito refused the token request: " + ex.getMessage();
		}
		catch (RestClientException ex) {
			result = "The API call failed: " + ex.getMessage();
		}
		return Pages.page(request, "Machine to machine", "<h1>Machine to machine</h1>\n<p>GET " + Pages.escape(api)
				+ " with a client credentials token answered:</p>\n<pre id=\"m2m-result\">" + Pages.escape(result)
				+ "</pre>\n");
	}

}
