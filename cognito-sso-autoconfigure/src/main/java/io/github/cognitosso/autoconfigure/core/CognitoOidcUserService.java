package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Builds the signed-in Cognito user: name, attributes and authorities, with the same
 * group and scope mapping as bearer tokens ({@link CognitoAuthoritiesMapper}), so
 * {@code hasRole('admin')} means the same for both.
 * <p>
 * Groups come from the ID token's groups claim, scopes from the access token's granted
 * scopes. Spring Security's {@link OidcUserService} does the OpenID Connect work; two
 * Cognito quirks are handled here:
 * <ul>
 * <li>Cognito's userInfo names the user {@code username}, not {@code cognito:username},
 * so the userInfo response is read with {@code sub} as its name attribute; the configured
 * name attribute is looked up in ID token and userInfo claims together.</li>
 * <li>{@code email_verified} may arrive as the string {@code "true"}; Spring Security's
 * claim conversion turns it into a boolean.</li>
 * </ul>
 * Claims of the wrong shape end the sign-in with an {@link OAuth2AuthenticationException}
 * (the login error page), never with an exception from deep inside Spring Security.
 * <p>
 * With {@code email} as the user-name attribute, an email Cognito has not verified is
 * refused ({@value #UNVERIFIED_EMAIL}): a user can set their email attribute to someone
 * else's address, and would take that person's name. The same check runs when a token
 * refresh renews the user. A user name that starts with
 * {@link CognitoAuthentication#MACHINE_NAME_PREFIX} is refused too: that prefix names
 * machine callers.
 */
public final class CognitoOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/**
	 * The error code of a sign-in refused because the email that names the user is not
	 * verified.
	 */
	public static final String UNVERIFIED_EMAIL = "unverified_email";

	private final OidcUserService delegate = new OidcUserService();

	private final CognitoAuthoritiesMapper authoritiesMapper;

	public CognitoOidcUserService(CognitoAuthoritiesMapper authoritiesMapper, Duration timeout) {
		this(authoritiesMapper, timeout, () -> CognitoInstrumentation.NONE);
	}

	/**
	 * @param instrumentation where each userInfo call is observed
	 */
	public CognitoOidcUserService(CognitoAuthoritiesMapper authoritiesMapper, Duration timeout,
			Supplier<CognitoInstrumentation> instrumentation) {
		this.authoritiesMapper = authoritiesMapper;
		DefaultOAuth2UserService userInfoService = new DefaultOAuth2UserService();
		userInfoService.setRestOperations(CognitoHttpClients.userInfoEndpoint(timeout));
		this.delegate.setOauth2UserService((request) -> CognitoCalls.observe(instrumentation.get(), "userinfo", null,
				() -> userInfoService.loadUser(namedBySubject(request))));
		this.delegate.setOidcUserConverter(this::toUser);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest userRequest) throws OAuth2AuthenticationException {
		return this.delegate.loadUser(userRequest);
	}

	private OidcUser toUser(OidcUserSource source) {
		OidcUserRequest request = source.getUserRequest();
		OidcIdToken idToken = request.getIdToken();
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		if (StandardClaimNames.EMAIL.equals(nameAttribute) && !emailVerified(source)) {
			OAuth2Error error = new OAuth2Error(UNVERIFIED_EMAIL,
					"The user is named by email, and Cognito has not verified the email", null);
			throw new OAuth2AuthenticationException(error, error.toString());
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		try {
			authorities.add(new OidcUserAuthority(idToken, source.getUserInfo(), nameAttribute));
			authorities.addAll(this.authoritiesMapper.authorities(claimsForAuthorities(request)));
			DefaultOidcUser user = new DefaultOidcUser(authorities, idToken, source.getUserInfo(), nameAttribute);
			if (user.getName().startsWith(CognitoAuthentication.MACHINE_NAME_PREFIX)) {
				// The prefix names machine callers only, so code reading getName() cannot
				// mistake a user for one.
				OAuth2Error error = new OAuth2Error("invalid_user", "A user name may not start with "
						+ CognitoAuthentication.MACHINE_NAME_PREFIX + ", which names machine callers", null);
				throw new OAuth2AuthenticationException(error, error.toString());
			}
			return user;
		}
		catch (IllegalArgumentException ex) {
			// A groups claim of the wrong type, or no value for the configured user-name
			// attribute.
			OAuth2Error error = new OAuth2Error("invalid_user", ex.getMessage(), null);
			throw new OAuth2AuthenticationException(error, error.toString(), ex);
		}
	}

	/**
	 * Whether {@code email_verified} is true, in the userInfo response (when called) or
	 * the ID token. Cognito may send it as the string {@code "true"}; anything else, or
	 * no claim, is not verified.
	 */
	private static boolean emailVerified(OidcUserSource source) {
		Object verified = null;
		if (source.getUserInfo() != null) {
			verified = source.getUserInfo().getClaims().get(StandardClaimNames.EMAIL_VERIFIED);
		}
		if (verified == null) {
			verified = source.getUserRequest().getIdToken().getClaims().get(StandardClaimNames.EMAIL_VERIFIED);
		}
		return Boolean.TRUE.equals(verified)
				|| (verified instanceof String text && "true".equalsIgnoreCase(text.trim()));
	}

	/**
	 * The ID token's claims (groups) with the access token's granted scopes as Cognito's
	 * {@code scope} claim.
	 */
	private static Map<String, Object> claimsForAuthorities(OidcUserRequest request) {
		Map<String, Object> claims = new LinkedHashMap<>(request.getIdToken().getClaims());
		claims.remove("scope");
		Set<String> scopes = request.getAccessToken().getScopes();
		if (!scopes.isEmpty()) {
			claims.put("scope", String.join(" ", scopes));
		}
		return claims;
	}

	/**
	 * The userInfo request as Spring Security reads it, with {@code sub}, which Cognito
	 * always sends, as name.
	 */
	private static OAuth2UserRequest namedBySubject(OAuth2UserRequest request) {
		ClientRegistration registration = ClientRegistration.withClientRegistration(request.getClientRegistration())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.build();
		return new OAuth2UserRequest(registration, request.getAccessToken(), request.getAdditionalParameters());
	}

}
