package io.github.cognitosso.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.github.cognitosso.test.SimulatorStore.RefreshGrant;

import static io.github.cognitosso.test.RequestParameters.form;
import static io.github.cognitosso.test.SimulatorResponses.oauthError;
import static io.github.cognitosso.test.SimulatorResponses.response;

/**
 * {@code POST /oauth2/revoke}: revokes a refresh token of the calling client and the
 * access tokens issued from it; like Cognito it answers 200 for a token it does not know.
 */
final class RevocationEndpoint {

	private final CognitoSimulator simulator;

	private final SimulatorStore store;

	private final ClientAuthentication clientAuthentication;

	RevocationEndpoint(CognitoSimulator simulator, SimulatorStore store) {
		this.simulator = simulator;
		this.store = store;
		this.clientAuthentication = new ClientAuthentication(simulator);
	}

	ResponseDefinition revoke(Request request) {
		Map<String, String> form = form(request);
		SimulatedClient client = this.clientAuthentication.authenticate(request, form);
		if (client == null) {
			return oauthError("invalid_client");
		}
		String token = form.get("token");
		if (token == null) {
			return oauthError("invalid_request");
		}
		RefreshGrant grant = this.store.refreshGrant(token);
		if (grant != null) {
			if (!grant.clientId().equals(client.clientId())) {
				return oauthError("unauthorized_client");
			}
			this.store.revokeRefreshToken(token, grant);
		}
		return response(200).build();
	}

}
