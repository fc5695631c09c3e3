package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Clock;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoClientRegistrations;
import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser login's part of a Cognito security chain: {@code oauth2Login} against the
 * {@code cognito} registration, logout through Cognito, a 401 for API-style requests, and
 * the login error and 403 pages. The signed-in user's authentication is a
 * {@code CognitoAuthentication}, as a bearer-token caller's is.
 * <p>
 * Ordered late ({@link #ORDER}): a bearer-token customizer that runs earlier registers
 * its entry point first, so an API request without credentials gets the resource server's
 * {@code WWW-Authenticate: Bearer} 401; this one's plain 401 covers API-style requests in
 * chains without a resource server. Either way those entry points come before the login
 * redirect, which only browser navigations reach.
 */
final class CognitoLoginHttpSecurityCustomizer implements CognitoHttpSecurityCustomizer, Ordered {

	/** Late, after the resource server's customizer; see the class comment. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final ClientRegistrationRepository registrations;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenResponseClient;

	private final OAuth2UserService<OidcUserRequest, OidcUser> userService;

	private final Map<String, String> authorizationParameters;

	private final String callbackPath;

	private final AuthenticationFailureHandler failureHandler;

	private final AccessDeniedHandler accessDeniedHandler;

	private final LogoutHandler logoutHandler;

	private final LogoutSuccessHandler logoutSuccessHandler;

	private final RequestMatcher apiRequests;

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final Clock clock;

	private final SessionRenewalFilter sessionRenewal;

	/**
	 * @param sessionRenewal makes sessions follow their tokens, or {@code null} not to
	 */
	CognitoLoginHttpSecurityCustomizer(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients,
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenResponseClient,
			OAuth2UserService<OidcUserRequest, OidcUser> userService, Map<String, String> authorizationParameters,
			String callbackPath, AuthenticationFailureHandler failureHandler, AccessDeniedHandler accessDeniedHandler,
			LogoutHandler logoutHandler, LogoutSuccessHandler logoutSuccessHandler, RequestMatcher apiRequests,
			CognitoAuthoritiesMapper authoritiesMapper, Clock clock, SessionRenewalFilter sessionRenewal) {
		this.registrations = registrations;
		this.authorizedClients = authorizedClients;
		this.tokenResponseClient = tokenResponseClient;
		this.userService = userService;
		this.authorizationParameters = Map.copyOf(authorizationParameters);
		this.callbackPath = callbackPath;
		this.failureHandler = failureHandler;
		this.accessDeniedHandler = accessDeniedHandler;
		this.logoutHandler = logoutHandler;
		this.logoutSuccessHandler = logoutSuccessHandler;
		this.apiRequests = apiRequests;
		this.authoritiesMapper = authoritiesMapper;
		this.clock = clock;
		this.sessionRenewal = sessionRenewal;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void customize(HttpSecurity http) {
		// Applied before oauth2Login so that, at initialisation, its entry point is
		// registered before the login
		// redirect: a bearer or XHR request for an HTML page still gets a 401.
		http.with(new ApiAwareExceptionHandling(this.apiRequests, this.accessDeniedHandler), Customizer.withDefaults());
		http.oauth2Login((login) -> login.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(this.authorizedClients)
			// The login "page" is the redirect to Cognito: no Spring-generated login page
			// with its "Invalid
			// credentials" message.
			.loginPage(CognitoClientRegistrations.AUTHORIZATION_REQUEST_BASE_URI + "/"
					+ CognitoClientRegistrations.REGISTRATION_ID)
			.loginProcessingUrl(this.callbackPath)
			.authorizationEndpoint((authorization) -> authorization.authorizationRequestResolver(resolver()))
			.tokenEndpoint((token) -> token.accessTokenResponseClient(this.tokenResponseClient))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this.userService))
			.failureHandler(this.failureHandler)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationResultConverter(CognitoLoginHttpSecurityCustomizer.this::authentication);
					return filter;
				}

			}));
		http.logout((logout) -> logout.addLogoutHandler(this.logoutHandler)
			.logoutSuccessHandler(this.logoutSuccessHandler));
		if (this.sessionRenewal != null) {
			// After sign-in, logout and bearer authentication, before the anonymous user
			// and authorization: a session
			// that ends here leaves the request unauthenticated, and the entry points
			// answer it.
			http.addFilterBefore(this.sessionRenewal, AnonymousAuthenticationFilter.class);
		}
	}

	private CognitoLoginAuthentication authentication(OAuth2LoginAuthenticationToken login) {
		return CognitoLoginAuthentication.of(login.getPrincipal(), login.getAuthorities(),
				login.getClientRegistration().getRegistrationId(), login.getClientRegistration().getClientId(),
				login.getAccessToken().getScopes(), this.authoritiesMapper, this.clock.instant());
	}

	private DefaultOAuth2AuthorizationRequestResolver resolver() {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, CognitoClientRegistrations.AUTHORIZATION_REQUEST_BASE_URI);
		if (!this.authorizationParameters.isEmpty()) {
			resolver.setAuthorizationRequestCustomizer((request) -> request
				.additionalParameters((parameters) -> parameters.putAll(this.authorizationParameters)));
		}
		return resolver;
	}

	/**
	 * Registers the API-style 401 and the access-denied handler at initialisation time,
	 * in customizer order, so the entry points other customizers register stay in that
	 * order too.
	 */
	static final class ApiAwareExceptionHandling
			extends AbstractHttpConfigurer<ApiAwareExceptionHandling, HttpSecurity> {

		private final RequestMatcher apiRequests;

		private final AccessDeniedHandler accessDeniedHandler;

		ApiAwareExceptionHandling(RequestMatcher apiRequests, AccessDeniedHandler accessDeniedHandler) {
			this.apiRequests = apiRequests;
			this.accessDeniedHandler = accessDeniedHandler;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void init(HttpSecurity http) {
			ExceptionHandlingConfigurer<HttpSecurity> exceptions = http
				.getConfigurer(ExceptionHandlingConfigurer.class);
			if (exceptions == null) {
				return;
			}
			exceptions.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					this.apiRequests);
			exceptions.defaultAccessDeniedHandlerFor(this.accessDeniedHandler, AnyRequestMatcher.INSTANCE);
		}

	}

}
