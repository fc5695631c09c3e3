package io.github.cognitosso.autoconfigure.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Says once, at start-up, what the starter does in this application and what it does not
 * cover, so that it never half-activates silently: a WebFlux application whose browser
 * login is configured but has no reactive login, a web application without Spring
 * Security's filter chain (nothing would check a request), a non-web application (no
 * chain at all: only the decoder and the machine-to-machine clients are there). A gap is
 * a warning; the summary of the active features is an info line.
 * <p>
 * It reads the beans the features registered (by type, named by class name so that each
 * stack's classes may be absent) rather than repeating their conditions.
 */
final class CognitoStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(CognitoStartupReport.class);

	private static final String SERVLET_BEARER = "io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerHttpSecurityCustomizer";

	private static final String REACTIVE_BEARER = "io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveResourceServerCustomizer";

	private static final String SERVLET_CHAIN_CUSTOMIZER = "io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer";

	private static final String REACTIVE_CHAIN_CUSTOMIZER = "io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer";

	private static final String M2M = "io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials";

	private static final String REACTIVE_M2M = "io.github.cognitosso.autoconfigure.reactive.client.CognitoReactiveClientCredentials";

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	private static final String REACTIVE_JWT_DECODER = "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder";

	private static final String WEB_FILTER_CHAIN_PROXY = "org.springframework.security.web.server.WebFilterChainProxy";

	/** Spring Security's servlet filter, as Spring Boot registers it. */
	private static final String SERVLET_SECURITY_FILTER = "springSecurityFilterChain";

	private final ApplicationContext context;

	private final boolean loginConfigured;

	private final boolean resourceServerEnabled;

	/**
	 * @param context the application's context
	 * @param loginConfigured whether the settings ask for browser login
	 * @param resourceServerEnabled whether {@code cognito.resource-server.enabled} is on
	 */
	CognitoStartupReport(ApplicationContext context, boolean loginConfigured, boolean resourceServerEnabled) {
		this.context = context;
		this.loginConfigured = loginConfigured;
		this.resourceServerEnabled = resourceServerEnabled;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Report report = report();
		if (logger.isInfoEnabled()) {
			logger.info("Cognito SSO on a " + report.stack() + ": " + String.join("; ", report.features()));
		}
		if (logger.isWarnEnabled()) {
			for (String gap : report.gaps()) {
				logger.warn("Cognito SSO does not cover this: " + gap);
			}
		}
	}

	Report report() {
		List<String> features = new ArrayList<>();
		List<String> gaps = new ArrayList<>();
		String stack;
		if (this.context instanceof ReactiveWebApplicationContext) {
			stack = "reactive (WebFlux) web application";
			reportWeb(has(REACTIVE_BEARER), loginOn(REACTIVE_CHAIN_CUSTOMIZER, ".reactive.login"),
					has(WEB_FILTER_CHAIN_PROXY), "WebFlux", features, gaps);
		}
		else if (this.context instanceof WebApplicationContext) {
			stack = "servlet (Spring MVC) web application";
			reportWeb(has(SERVLET_BEARER), loginOn(SERVLET_CHAIN_CUSTOMIZER, ".servlet.login"),
					this.context.containsBean(SERVLET_SECURITY_FILTER), "Spring MVC", features, gaps);
		}
		else {
			stack = "non-web application";
			features.add("no web server, so no security chain: bearer-token validation is available as the "
					+ (has(JWT_DECODER) ? "JwtDecoder bean" : "core decoder (no JwtDecoder bean)")
					+ " only, and browser login does not apply");
			if (this.loginConfigured) {
				gaps.add("browser login is configured (cognito.domain and cognito.client-id), but a non-web "
						+ "application has no browser to sign in; set cognito.login.enabled=false to say so.");
			}
		}
		features.add(machineToMachine());
		return new Report(stack, features, gaps);
	}

	private void reportWeb(boolean bearer, boolean login, boolean securityFilter, String stackName,
			List<String> features, List<String> gaps) {
		if (!securityFilter) {
			gaps.add("Spring Security's web filter chain is not in this " + stackName + " application (is "
					+ "spring-boot-starter-security, or cognito-sso-starter, on the classpath?): no request is "
					+ "authenticated by Cognito.");
		}
		features.add("bearer-token validation " + (bearer ? "on"
				: this.resourceServerEnabled ? "off (the application defines the chain's decoder or set-up itself)"
						: "off (cognito.resource-server.enabled=false)"));
		if (login) {
			features.add("browser login on");
		}
		else if (this.loginConfigured) {
			features.add("browser login not available");
			gaps.add("browser login is configured (cognito.domain and cognito.client-id), but this version of "
					+ "the starter has no browser login for " + stackName + ": pages are answered like API calls "
					+ "(401). Set cognito.login.enabled=false to silence this.");
		}
		else {
			features.add("browser login off");
		}
	}

	private String machineToMachine() {
		if (!has(M2M)) {
			return "machine-to-machine off";
		}
		return "machine-to-machine on (RestClient" + (has(REACTIVE_M2M) ? ", WebClient" : "") + ")";
	}

	/**
	 * Whether a chain customizer of the stack comes from the login package: the login
	 * layer's contribution to the chain.
	 */
	private boolean loginOn(String customizerType, String loginPackageSuffix) {
		Class<?> type = type(customizerType);
		if (type == null) {
			return false;
		}
		for (String name : this.context.getBeanNamesForType(type, false, false)) {
			Class<?> beanType = this.context.getType(name, false);
			if (beanType != null && beanType.getPackageName().endsWith(loginPackageSuffix)) {
				return true;
			}
		}
		return false;
	}

	private boolean has(String typeName) {
		Class<?> type = type(typeName);
		return type != null && this.context.getBeanNamesForType(type, false, false).length > 0;
	}

	private Class<?> type(String name) {
		ClassLoader classLoader = this.context.getClassLoader();
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
	}

	/**
	 * @param stack what kind of application this is
	 * @param features what the starter does in it
	 * @param gaps what it is configured for but does not cover
	 */
	record Report(String stack, List<String> features, List<String> gaps) {

	}

}
