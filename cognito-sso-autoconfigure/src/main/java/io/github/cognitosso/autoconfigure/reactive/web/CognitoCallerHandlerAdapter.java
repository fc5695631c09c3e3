package io.github.cognitosso.autoconfigure.reactive.web;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * WebFlux's {@link RequestMappingHandlerAdapter}, with one check before a controller
 * method that takes a {@link CognitoAuthentication} parameter (unannotated, as WebFlux
 * resolves any {@link Principal}) runs: the caller must be one.
 * <p>
 * WebFlux resolves such a parameter itself, before any resolver an application can add
 * through a {@code WebFluxConfigurer}, and offers no way to put one first. Without this
 * check, a request nobody is signed in for (a path the chain permits) reaches the method
 * with {@code null}, and one authenticated some other way (HTTP Basic, a test's mock
 * user) fails with an {@code IllegalStateException} whose message prints the whole
 * principal, OIDC attributes such as email and nonce included, into the error log. Here
 * both get a 401 whose reason names the principal's type only.
 */
class CognitoCallerHandlerAdapter extends RequestMappingHandlerAdapter {

	private static final Log logger = LogFactory.getLog(CognitoCallerHandlerAdapter.class);

	/**
	 * Per controller method (not per {@link HandlerMethod}: the mapping hands out a new
	 * one per request), the type of its {@code CognitoAuthentication} parameter.
	 */
	private final Map<Method, Optional<Class<?>>> callerTypes = new ConcurrentHashMap<>();

	@Override
	public Mono<HandlerResult> handle(ServerWebExchange exchange, Object handler) {
		Class<?> callerType = (handler instanceof HandlerMethod method)
				? this.callerTypes.computeIfAbsent(method.getMethod(), (key) -> callerType(method)).orElse(null) : null;
		if (callerType == null) {
			return super.handle(exchange, handler);
		}
		return exchange.getPrincipal()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> principal.filter(callerType::isInstance).isPresent()
					? super.handle(exchange, handler) : Mono.error(refused(principal.orElse(null), callerType)));
	}

	private static ResponseStatusException refused(Principal principal, Class<?> callerType) {
		if (principal == null) {
			return new ResponseStatusException(HttpStatus.UNAUTHORIZED,
					"Sign-in required: this endpoint takes a " + callerType.getSimpleName());
		}
		// The type only: the principal's toString carries the user's attributes.
		String reason = "The request's authentication is a " + principal.getClass().getName() + ", not a "
				+ callerType.getSimpleName() + ": it was not authenticated by the Cognito set-up (the starter's "
				+ "default chain, or a chain with CognitoServerHttpSecurity)";
		logger.warn(reason);
		return new ResponseStatusException(HttpStatus.UNAUTHORIZED, reason);
	}

	private static Optional<Class<?>> callerType(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (CognitoAuthentication.class.isAssignableFrom(parameter.getParameterType())
					&& !parameter.hasParameterAnnotations()) {
				return Optional.of(parameter.getParameterType());
			}
		}
		return Optional.empty();
	}

}
