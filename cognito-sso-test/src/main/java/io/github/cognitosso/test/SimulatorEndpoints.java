package io.github.cognitosso.test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static io.github.cognitosso.test.SimulatorResponses.json;

/**
 * The simulated Cognito endpoints, as one WireMock transformer that routes method and
 * path to an endpoint family: {@link DiscoveryEndpoints}, {@link HostedUiEndpoints},
 * {@link TokenEndpoint}, {@link UserInfoEndpoint}, {@link RevocationEndpoint} and
 * {@link LogoutEndpoint}, which share one {@link SimulatorStore}. Anything else is a JSON
 * 404.
 */
final class SimulatorEndpoints implements ResponseDefinitionTransformerV2 {

	static final String NAME = "cognito-simulator";

	private final SimulatorStore store = new SimulatorStore();

	private final Map<String, Route> routes = new HashMap<>();

	SimulatorEndpoints(CognitoSimulator simulator) {
		String poolPath = "/" + simulator.userPoolId();
		DiscoveryEndpoints discovery = new DiscoveryEndpoints(simulator);
		HostedUiEndpoints hostedUi = new HostedUiEndpoints(simulator, this.store);
		route(null, poolPath + "/.well-known/openid-configuration", discovery::discovery);
		route(null, poolPath + "/.well-known/jwks.json", discovery::jwks);
		route(RequestMethod.GET, "/oauth2/authorize", hostedUi::authorize);
		route(RequestMethod.POST, "/login", hostedUi::login);
		route(RequestMethod.POST, "/oauth2/token", new TokenEndpoint(simulator, this.store)::token);
		// Cognito's userInfo answers GET and POST alike.
		route(null, "/oauth2/userInfo", new UserInfoEndpoint(simulator, this.store)::userInfo);
		route(RequestMethod.POST, "/oauth2/revoke", new RevocationEndpoint(simulator, this.store)::revoke);
		route(RequestMethod.GET, "/logout", new LogoutEndpoint(simulator, this.store)::logout);
	}

	private void route(RequestMethod method, String path, Function<Request, ResponseDefinition> endpoint) {
		this.routes.put(path, new Route(method, endpoint));
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	/**
	 * Revokes every refresh token of the user, with the access and ID tokens issued from
	 * them, and ends the user's hosted-UI sessions.
	 */
	void globalSignOut(String username) {
		this.store.globalSignOut(username);
	}

	int activeSessions() {
		return this.store.activeSessions();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String path = URI.create(request.getUrl()).getRawPath();
		try {
			Route route = this.routes.get(path);
			if (route != null && route.accepts(request.getMethod())) {
				return route.endpoint().apply(request);
			}
			return json(404, Map.of("error", "not_found", "error_description", "The simulator has no " + path));
		}
		catch (RuntimeException ex) {
			return json(500, Map.of("error", "server_error", "error_description", String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * @param method the one method served, or {@code null} for any
	 */
	private record Route(RequestMethod method, Function<Request, ResponseDefinition> endpoint) {

		boolean accepts(RequestMethod requested) {
			return this.method == null || this.method.equals(requested);
		}

	}

}
