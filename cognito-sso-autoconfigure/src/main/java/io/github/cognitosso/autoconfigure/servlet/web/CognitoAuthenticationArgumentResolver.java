package io.github.cognitosso.autoconfigure.servlet.web;

import java.security.Principal;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller method parameter of type {@link CognitoAuthentication}
 * (unannotated, as Spring MVC resolves any {@link Principal}): the caller's
 * authentication, or {@code null} for a request nobody is signed in for.
 * <p>
 * It runs before Spring MVC's own principal resolution only to change its failure: when
 * the request was authenticated some other way (a chain without the Cognito set-up, a
 * test's mock user), Spring's {@code IllegalStateException} prints the whole principal,
 * OIDC attributes such as email and nonce included, into the error log. This one names
 * the type only.
 */
final class CognitoAuthenticationArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CognitoAuthentication.class.isAssignableFrom(parameter.getParameterType())
				&& !parameter.hasParameterAnnotations();
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Principal principal = webRequest.getUserPrincipal();
		if (principal == null || parameter.getParameterType().isInstance(principal)) {
			return principal;
		}
		throw new IllegalStateException("The request's authentication is a " + principal.getClass().getName()
				+ ", not a " + parameter.getParameterType().getSimpleName() + ": it was not authenticated by the "
				+ "Cognito set-up (the starter's default chain, or a chain with CognitoHttpConfigurer)");
	}

}
