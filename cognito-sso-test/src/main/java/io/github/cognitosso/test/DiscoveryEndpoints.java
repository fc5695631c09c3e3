package io.github.cognitosso.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import static io.github.cognitosso.test.SimulatorResponses.json;
import static io.github.cognitosso.test.SimulatorResponses.response;

/**
 * The pool's {@code /.well-known/openid-configuration} and
 * {@code /.well-known/jwks.json}, below the issuer as Cognito serves them. The JWKS
 * publishes whatever the {@link KeyRing} holds at the time of the request.
 */
final class DiscoveryEndpoints {

	private final CognitoSimulator simulator;

	DiscoveryEndpoints(CognitoSimulator simulator) {
		this.simulator = simulator;
	}

	ResponseDefinition discovery(Request request) {
		String base = this.simulator.baseUrl();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", this.simulator.issuer());
		document.put("authorization_endpoint", base + "/oauth2/authorize");
		document.put("token_endpoint", base + "/oauth2/token");
		document.put("userinfo_endpoint", base + "/oauth2/userInfo");
		document.put("revocation_endpoint", base + "/oauth2/revoke");
		document.put("end_session_endpoint", base + "/logout");
		document.put("jwks_uri", this.simulator.issuer() + "/.well-known/jwks.json");
		document.put("response_types_supported", List.of("code", "token"));
		document.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		return json(200, document);
	}

	ResponseDefinition jwks(Request request) {
		return response(200).withHeader("Content-Type", "application/json")
			.withBody(this.simulator.keys().jwksJson())
			.build();
	}

}
