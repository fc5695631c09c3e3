package io.github.cognitosso.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import static io.github.cognitosso.test.RequestParameters.cookie;
import static io.github.cognitosso.test.RequestParameters.query;
import static io.github.cognitosso.test.SimulatorResponses.errorPage;
import static io.github.cognitosso.test.SimulatorResponses.response;

/**
 * {@code GET /logout}: ends the hosted-UI session and redirects to a registered sign-out
 * URL ({@code logout_uri}, matched exactly) or, with {@code redirect_uri} instead, back
 * to the login form.
 */
final class LogoutEndpoint {

	private final CognitoSimulator simulator;

	private final SimulatorStore store;

	LogoutEndpoint(CognitoSimulator simulator, SimulatorStore store) {
		this.simulator = simulator;
		this.store = store;
	}

	ResponseDefinition logout(Request request) {
		Map<String, String> params = query(request);
		SimulatedClient client = this.simulator.findClient(params.get("client_id")).orElse(null);
		if (client == null) {
			return errorPage(400, "invalid_request", "Client does not exist.");
		}
		String logoutUri = params.get("logout_uri");
		String redirectUri = params.get("redirect_uri");
		String target;
		if (logoutUri != null) {
			if (!client.signOutUrls().contains(logoutUri)) {
				return errorPage(400, "invalid_request",
						"The logout_uri is not an allowed sign-out URL of the app client.");
			}
			target = logoutUri;
		}
		else if (redirectUri != null && client.callbackUrls().contains(redirectUri)) {
			// The sign-in-again variant: end the session, then show the login form.
			target = "/oauth2/authorize?" + request.getUrl().substring(request.getUrl().indexOf('?') + 1);
		}
		else {
			return errorPage(400, "invalid_request", "Required String parameter 'logout_uri' is not present.");
		}
		this.store.endSessions(cookie(request, HostedUiEndpoints.SESSION_COOKIE));
		return response(302).withHeader("Location", target)
			.withHeader("Set-Cookie", HostedUiEndpoints.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
			.build();
	}

}
