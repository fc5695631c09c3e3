package io.github.cognitosso.autoconfigure.servlet.gateway;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * What the gateway serves itself: a sign-out page (an upstream cannot post the gateway's
 * CSRF token to {@code /logout}) and, with assertions on, the key set that verifies them.
 */
final class GatewayEndpoints {

	private GatewayEndpoints() {
	}

	static RouterFunction<ServerResponse> routes(CognitoGatewayProperties properties, GatewayAssertions assertions) {
		RouterFunctions.Builder routes = RouterFunctions.route().GET(GatewayPaths.SIGN_OUT, GatewayEndpoints::signOut);
		if (assertions != null) {
			routes.GET(properties.getAssertion().getJwksPath(),
					(request) -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CacheControl.noCache())
						.body(assertions.publicKeys()));
		}
		return routes.build();
	}

	private static ServerResponse signOut(ServerRequest request) {
		String form = "";
		if (request.attribute(CsrfToken.class.getName()).orElse(null) instanceof CsrfToken csrf) {
			form = "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
					+ HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
		}
		String html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
				<body><h1>Sign out</h1>
				<form method="post" action="%s/logout">%s<button id="signout-button">Sign out</button></form>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(request.servletRequest().getContextPath()), form);
		return ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(html);
	}

}
