package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.net.URI;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The route of {@code cognito.gateway.upstream-uri}: every request dispatched from the
 * client (not an error or forward dispatch) whose path is not the gateway's own goes to
 * the upstream, through {@link CognitoGatewayFilterFunctions#cognitoRelay()}.
 */
final class UpstreamRoute {

	static final String ID = "cognito-upstream";

	private UpstreamRoute() {
	}

	static RouterFunction<ServerResponse> catchAll(URI upstream, List<String> ownPaths) {
		RequestPredicate own = ownPaths.stream()
			.map(RequestPredicates::path)
			.reduce(RequestPredicate::or)
			.orElseThrow();
		RequestPredicate clientRequest = (
				request) -> request.servletRequest().getDispatcherType() == DispatcherType.REQUEST;
		return GatewayRouterFunctions.route(ID)
			.route(clientRequest.and(own.negate()), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(upstream))
			.filter(CognitoGatewayFilterFunctions.cognitoRelay())
			.build();
	}

}
