package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The rules of the browser-login settings ({@code cognito.login.*} and what sign-in needs
 * of {@code cognito.scopes} and the session cookie), each stated once: combinations that
 * would only fail at a user's first sign-in. The shared checks (domain, client id, https
 * callback and sign-out URLs, the logout endpoints) run in the root package already.
 * <p>
 * Run by {@link CognitoLoginValidationPostProcessor} when the settings are bound, never
 * from a bean an application can replace.
 */
public final class CognitoLoginPropertiesValidator {

	/**
	 * Parameters the login flow sets itself; letting configuration override them would
	 * break or weaken it.
	 */
	private static final Set<String> RESERVED_AUTHORIZATION_PARAMETERS = Set.of("response_type", "client_id",
			"redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method");

	/** The servlet stack's session-cookie SameSite property. */
	public static final String SERVLET_SESSION_COOKIE_SAME_SITE = "server.servlet.session.cookie.same-site";

	/** The servlet stack's context-path property. */
	public static final String SERVLET_CONTEXT_PATH = "server.servlet.context-path";

	/** The WebFlux stack's session-cookie SameSite property. */
	public static final String REACTIVE_SESSION_COOKIE_SAME_SITE = "server.reactive.session.cookie.same-site";

	/** The WebFlux stack's base-path property. */
	public static final String REACTIVE_BASE_PATH = "spring.webflux.base-path";

	private CognitoLoginPropertiesValidator() {
	}

	/**
	 * Checks the settings of a servlet application.
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	public static void validate(CognitoProperties properties, CognitoLoginProperties login, Environment environment) {
		validate(properties, login, environment, SERVLET_CONTEXT_PATH, SERVLET_SESSION_COOKIE_SAME_SITE);
	}

	/**
	 * @param contextPathProperty the web stack's property for the application's path
	 * prefix
	 * @param sameSiteProperty the web stack's property for the session cookie's SameSite
	 * attribute
	 * @throws CognitoConfigurationException for the first setting that cannot work
	 */
	public static void validate(CognitoProperties properties, CognitoLoginProperties login, Environment environment,
			String contextPathProperty, String sameSiteProperty) {
		if (properties.getScopes().stream().noneMatch((scope) -> "openid".equals(scope.trim()))) {
			throw new CognitoConfigurationException("cognito.scopes", String.join(",", properties.getScopes()),
					"browser login needs the openid scope: without it Cognito issues no ID token, and the ID token is "
							+ "what identifies the user and carries the groups.",
					"Add openid to cognito.scopes (the default is openid, email, profile).");
		}
		if (!StringUtils.hasText(login.getUserNameAttribute())) {
			throw new CognitoConfigurationException("cognito.login.user-name-attribute", login.getUserNameAttribute(),
					"the claim that names the signed-in user is empty.",
					"Use cognito:username (the default), email or sub.");
		}
		for (String name : login.getAuthorizationParameters().keySet()) {
			if (RESERVED_AUTHORIZATION_PARAMETERS.contains(name.trim().toLowerCase(Locale.ROOT))) {
				throw new CognitoConfigurationException("cognito.login.authorization-parameters." + name,
						login.getAuthorizationParameters().get(name),
						"the login flow sets " + name + " itself; overriding it would break sign-in or its protection.",
						"Remove it. Use cognito.scopes for scopes and cognito.login.redirect-uri for the callback.");
			}
		}
		// Throws when no path can be read from the redirect URI.
		CognitoClientRegistrations.callbackPath(login.getRedirectUri(),
				environment.getProperty(contextPathProperty, ""));
		requirePageUrl("cognito.login.failure-url", login.getFailureUrl());
		requirePageUrl("cognito.login.forbidden-url", login.getForbiddenUrl());
		if (login.getTimeout() == null || login.getTimeout().isNegative() || login.getTimeout().isZero()) {
			throw new CognitoConfigurationException("cognito.login.timeout", String.valueOf(login.getTimeout()),
					"calls to Cognito need a positive timeout.", "Use a duration such as 10s.");
		}
		if (login.getSessionMaxLifetime() != null
				&& (login.getSessionMaxLifetime().isNegative() || login.getSessionMaxLifetime().isZero())) {
			throw new CognitoConfigurationException("cognito.login.session-max-lifetime",
					String.valueOf(login.getSessionMaxLifetime()),
					"a session that ends at sign-in would send the browser back to Cognito for ever.",
					"Use a positive duration such as 12h, or leave it unset for no limit.");
		}
		String sameSite = environment.getProperty(sameSiteProperty);
		if (sameSite != null && "strict".equalsIgnoreCase(sameSite.trim())) {
			throw new CognitoConfigurationException(sameSiteProperty, sameSite,
					"Cognito's redirect back to the application is a cross-site navigation, and a SameSite=Strict "
							+ "session cookie is not sent with it: the sign-in in progress is lost and every login fails.",
					"Use lax (or leave the property unset).");
		}
	}

	/** A failure or forbidden page: an application path or an absolute http(s) URL. */
	private static void requirePageUrl(String property, String value) {
		if (!StringUtils.hasText(value) || value.startsWith("/")) {
			return;
		}
		String scheme = null;
		try {
			scheme = URI.create(value.trim()).getScheme();
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
			throw new CognitoConfigurationException(property, value,
					"this is neither a path in the application nor an absolute http(s) URL.",
					"Use a path such as /signin-problem or an absolute URL such as https://example.com/help.");
		}
	}

}
