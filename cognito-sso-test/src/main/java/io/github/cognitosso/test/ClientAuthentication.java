package io.github.cognitosso.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * Authenticates the app client calling the token or revocation endpoint, as Cognito does:
 * HTTP Basic ({@code client_secret_basic}) or {@code client_id} and {@code client_secret}
 * form parameters; a public client names itself without a secret.
 */
final class ClientAuthentication {

	private final CognitoSimulator simulator;

	ClientAuthentication(CognitoSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * @return the authenticated client, or {@code null} for Cognito's
	 * {@code invalid_client}
	 */
	SimulatedClient authenticate(Request request, Map<String, String> form) {
		Credentials credentials = credentials(request, form);
		if (credentials == null) {
			return null;
		}
		SimulatedClient client = this.simulator.findClient(credentials.clientId()).orElse(null);
		if (client == null || (client.isConfidential() && !client.clientSecret().equals(credentials.secret()))) {
			return null;
		}
		return client;
	}

	private static Credentials credentials(Request request, Map<String, String> form) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon < 0) {
					return null;
				}
				return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
						URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		String clientId = form.get("client_id");
		return (clientId != null) ? new Credentials(clientId, form.get("client_secret")) : null;
	}

	private record Credentials(String clientId, String secret) {
	}

}
