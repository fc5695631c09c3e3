package io.github.cognitosso.autoconfigure.servlet.client;

import java.lang.annotation.Annotation;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a start-up failure because a machine-to-machine bean is missing: the
 * {@code cognitoRestClient} (asked for by name or {@code @Qualifier}) or
 * {@link CognitoClientCredentials}. Spring's own report ("No qualifying bean") does not
 * say that these beans exist only while {@code cognito.client-credentials.*} is
 * configured.
 * <p>
 * Ordered first: Spring Boot's generic analysis of the same exception would otherwise
 * win.
 */
class CognitoClientCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		if (isRestClient(rootFailure, cause)) {
			return new FailureAnalysis("The bean '" + CognitoClientCredentialsAutoConfiguration.REST_CLIENT_BEAN_NAME
					+ "' (a RestClient that sends a Cognito machine-to-machine access token) is missing"
					+ injectedInto(rootFailure)
					+ ".\n\nIt exists only while the default machine-to-machine client is configured: an app client id "
					+ "(cognito.client-credentials.client-id, or cognito.client-id) and its secret "
					+ "(cognito.client-credentials.client-secret), with cognito.client-credentials.enabled not false. "
					+ "When only named clients (cognito.client-credentials.clients.<name>) are configured there is no "
					+ "default client and no " + CognitoClientCredentialsAutoConfiguration.REST_CLIENT_BEAN_NAME
					+ " bean.",
					"Set cognito.client-credentials.client-id and cognito.client-credentials.client-secret (and "
							+ "cognito.domain, where the token endpoint lives), or, with named clients only, inject "
							+ "CognitoClientCredentials and use restClient(\"<name>\").",
					cause);
		}
		if (cause.getBeanType() == CognitoClientCredentials.class) {
			return new FailureAnalysis("The bean CognitoClientCredentials (Cognito machine-to-machine access tokens) "
					+ "is missing" + injectedInto(rootFailure) + ".\n\nIt exists only while a machine-to-machine "
					+ "client is configured under cognito.client-credentials (client-id, client-secret, scopes, "
					+ "base-url or a named client) and cognito.client-credentials.enabled is not false.",
					"Set cognito.client-credentials.client-id and cognito.client-credentials.client-secret (and "
							+ "cognito.domain, where the token endpoint lives).",
					cause);
		}
		return null;
	}

	private static boolean isRestClient(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		if (CognitoClientCredentialsAutoConfiguration.REST_CLIENT_BEAN_NAME.equals(cause.getBeanName())) {
			return true;
		}
		InjectionPoint injectionPoint = injectionPoint(rootFailure);
		if (injectionPoint == null) {
			return false;
		}
		for (Annotation annotation : injectionPoint.getAnnotations()) {
			if (annotation instanceof Qualifier qualifier
					&& CognitoClientCredentialsAutoConfiguration.REST_CLIENT_BEAN_NAME.equals(qualifier.value())) {
				return true;
			}
		}
		return false;
	}

	private static String injectedInto(Throwable rootFailure) {
		InjectionPoint injectionPoint = injectionPoint(rootFailure);
		if (injectionPoint == null) {
			return "";
		}
		Class<?> type = (injectionPoint.getMethodParameter() != null)
				? injectionPoint.getMethodParameter().getDeclaringClass()
				: (injectionPoint.getField() != null) ? injectionPoint.getField().getDeclaringClass() : null;
		return (type != null) ? " (required by " + type.getName() + ")" : "";
	}

	/** The innermost injection point: the one that asked for the missing bean. */
	private static InjectionPoint injectionPoint(Throwable failure) {
		InjectionPoint injectionPoint = null;
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof UnsatisfiedDependencyException unsatisfied
					&& unsatisfied.getInjectionPoint() != null) {
				injectionPoint = unsatisfied.getInjectionPoint();
			}
		}
		return injectionPoint;
	}

}
