package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Builds the {@code cognito} {@link ClientRegistration} from {@code cognito.*} and the
 * derived endpoints, so start-up never fetches Cognito's discovery document. Shared by
 * the servlet and the WebFlux login; public for them, not an application API.
 */
public final class CognitoClientRegistrations {

	/**
	 * The registration id: {@code @RegisteredOAuth2AuthorizedClient("cognito")},
	 * {@code /oauth2/authorization/cognito}.
	 */
	public static final String REGISTRATION_ID = "cognito";

	/**
	 * Spring Security's default base of the URL that starts a login:
	 * {@code /oauth2/authorization/{registrationId}}.
	 */
	public static final String AUTHORIZATION_REQUEST_BASE_URI = "/oauth2/authorization";

	private CognitoClientRegistrations() {
	}

	/**
	 * @return the registration for browser login with the configured app client
	 * @throws CognitoConfigurationException when the settings cannot make a registration
	 */
	public static ClientRegistration cognito(CognitoProperties properties, CognitoLoginProperties login,
			CognitoEndpoints endpoints) {
		boolean confidential = StringUtils.hasText(properties.getClientSecret());
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Amazon Cognito")
			.clientId(properties.getClientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(login.getRedirectUri())
			.scope(new LinkedHashSet<>(properties.getScopes()))
			// The start-up check of cognito.* makes sure browser login has both
			// endpoints.
			.authorizationUri(endpoints.authorization().orElseThrow().toString())
			.tokenUri(endpoints.token().orElseThrow().toString())
			.jwkSetUri(endpoints.jwkSet().toString())
			.issuerUri(endpoints.issuer().toString())
			.userNameAttributeName(login.getUserNameAttribute());
		if (confidential) {
			builder.clientSecret(properties.getClientSecret())
				.clientAuthenticationMethod(clientAuthenticationMethod(login.getClientAuthenticationMethod()))
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(login.isPkce()).build());
		}
		else {
			// A public client has nothing to prove itself with but PKCE: Spring Security
			// always applies it for "none".
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
		}
		if (login.isUserInfoEnabled()) {
			// Only with a userInfo URI does Spring Security's OidcUserService call the
			// endpoint.
			endpoints.userInfo().ifPresent((uri) -> builder.userInfoUri(uri.toString()));
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			// Spring Security rejects, for example, scopes with characters OAuth does not
			// allow.
			throw new CognitoConfigurationException("cognito.scopes", String.join(",", properties.getScopes()),
					"the login client registration cannot be built: " + ex.getMessage(),
					"Use scopes made of printable ASCII characters without spaces, quotes or backslashes.");
		}
	}

	private static ClientAuthenticationMethod clientAuthenticationMethod(
			io.github.cognitosso.autoconfigure.ClientAuthenticationMethod method) {
		return switch (method) {
			case CLIENT_SECRET_BASIC -> ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
			case CLIENT_SECRET_POST -> ClientAuthenticationMethod.CLIENT_SECRET_POST;
		};
	}

	/**
	 * The path, within the application, at which Cognito's redirect arrives: Spring
	 * Security must process the callback exactly where the redirect URI points, e.g.
	 * {@code /callback} for {@code https://app.example.com/callback}.
	 * @param redirectUri the redirect URI template, as in
	 * {@code cognito.login.redirect-uri}
	 * @param contextPath the application's servlet context path, empty for none
	 * @throws CognitoConfigurationException when no path can be read from the redirect
	 * URI
	 */
	public static String callbackPath(String redirectUri, String contextPath) {
		String uri = redirectUri.trim().replace("{registrationId}", REGISTRATION_ID).replace("{action}", "login");
		String path;
		if (uri.startsWith("{baseUrl}")) {
			path = uri.substring("{baseUrl}".length());
		}
		else if (uri.contains("{basePath}")) {
			path = uri.substring(uri.indexOf("{basePath}") + "{basePath}".length());
		}
		else {
			try {
				path = URI.create(uri).getRawPath();
			}
			catch (IllegalArgumentException ex) {
				path = null;
			}
			if (path != null && StringUtils.hasLength(contextPath) && path.startsWith(contextPath + "/")) {
				path = path.substring(contextPath.length());
			}
		}
		int query = (path != null) ? path.indexOf('?') : -1;
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (path == null || path.isEmpty() || path.contains("{") || !path.startsWith("/")) {
			throw new CognitoConfigurationException("cognito.login.redirect-uri", redirectUri,
					"the application cannot tell at which path Cognito's redirect arrives.",
					"Use {baseUrl}/<path>, e.g. {baseUrl}/login/oauth2/code/cognito, or an absolute URL such as "
							+ "https://app.example.com/login/oauth2/code/cognito.");
		}
		return path;
	}

	/**
	 * The extra authorize parameters: the free-form ones, then the named settings, which
	 * win.
	 * @return the parameters to add to every authorization request
	 */
	public static Map<String, String> authorizationParameters(CognitoLoginProperties login) {
		Map<String, String> parameters = new LinkedHashMap<>(login.getAuthorizationParameters());
		if (StringUtils.hasText(login.getIdentityProvider())) {
			parameters.put("identity_provider", login.getIdentityProvider().trim());
		}
		if (StringUtils.hasText(login.getLang())) {
			parameters.put("lang", login.getLang().trim());
		}
		if (StringUtils.hasText(login.getResource())) {
			parameters.put("resource", login.getResource().trim());
		}
		return parameters;
	}

}
