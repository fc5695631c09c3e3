package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.util.List;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.common.Shortcut;
import org.springframework.cloud.gateway.server.mvc.filter.SimpleFilterSupplier;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Cognito filters of a Spring Cloud Gateway Server WebMVC route, for the Java DSL
 * ({@code .filter(cognitoRelay())}) and for route properties, where each is named by its
 * method name ({@code filters: [CognitoRelay, CognitoGroups=admin]}).
 * <p>
 * Every filter that forwards identity first removes what must not reach the upstream: the
 * gateway's session cookie and any identity header the client sent. The refresh token and
 * the ID token stay in the gateway's session; only the access token leaves.
 */
public abstract class CognitoGatewayFilterFunctions {

	private CognitoGatewayFilterFunctions() {
	}

	/**
	 * The caller's access token as {@code Authorization: Bearer}: a browser user's
	 * (refreshed first when expired), or the validated bearer token of an API caller.
	 * @return the filter
	 */
	@Shortcut
	public static HandlerFilterFunction<ServerResponse, ServerResponse> cognitoTokenRelay() {
		return (request, next) -> {
			return next.handle(relay(request).relay(request, true, false));
		};
	}

	/**
	 * The caller's username, sub, email and groups as headers
	 * ({@code cognito.gateway.headers.*}), and the signed assertion of the caller when
	 * {@code cognito.gateway.assertion.enabled} is on.
	 * @return the filter
	 */
	@Shortcut
	public static HandlerFilterFunction<ServerResponse, ServerResponse> cognitoIdentityHeaders() {
		return (request, next) -> {
			return next.handle(relay(request).relay(request, false, true));
		};
	}

	/**
	 * {@link #cognitoTokenRelay()} and {@link #cognitoIdentityHeaders()} together: what
	 * the catch-all route of {@code cognito.gateway.upstream-uri} does.
	 * @return the filter
	 */
	@Shortcut
	public static HandlerFilterFunction<ServerResponse, ServerResponse> cognitoRelay() {
		return (request, next) -> {
			return next.handle(relay(request).relay(request, true, true));
		};
	}

	/**
	 * Lets a request through only for a signed-in caller in at least one of the Cognito
	 * groups: a user outside them gets the 403 page (an API caller a JSON 403), an
	 * anonymous caller is sent to sign in.
	 * @param groups the groups, any one of which admits the caller
	 * @return the filter
	 */
	@Shortcut(type = Shortcut.Type.LIST)
	public static HandlerFilterFunction<ServerResponse, ServerResponse> cognitoGroups(String... groups) {
		List<String> required = List.of(groups);
		return (request, next) -> {
			relay(request).requireAnyGroup(required);
			return next.handle(request);
		};
	}

	/**
	 * Lets a request through only for a caller granted every one of the scopes (a custom
	 * scope such as {@code orders/read}, or {@code aws.cognito.signin.user.admin}).
	 * @param scopes the scopes the caller's access token must all carry
	 * @return the filter
	 */
	@Shortcut(type = Shortcut.Type.LIST)
	public static HandlerFilterFunction<ServerResponse, ServerResponse> cognitoScopes(String... scopes) {
		List<String> required = List.of(scopes);
		return (request, next) -> {
			relay(request).requireScopes(required);
			return next.handle(request);
		};
	}

	private static CognitoGatewayRelay relay(ServerRequest request) {
		return MvcUtils.getApplicationContext(request).getBean(CognitoGatewayRelay.class);
	}

	/**
	 * Makes the filters available to route properties; a bean of the gateway
	 * auto-configuration.
	 */
	public static class FilterSupplier extends SimpleFilterSupplier {

		public FilterSupplier() {
			super(CognitoGatewayFilterFunctions.class);
		}

	}

}
