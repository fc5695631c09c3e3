package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoClientRegistrations;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Browser login's part of a WebFlux Cognito chain: {@code oauth2Login} against the
 * {@code cognito} registration (PKCE, the ID token checked on the pool's key source, the
 * user a {@code CognitoAuthentication}), logout through Cognito with revocation, the
 * session that follows its tokens, and the login error and 403 pages.
 * <p>
 * Unauthenticated requests: a browser navigation is sent to Cognito's sign-in. An
 * API-style request gets a 401; when the chain validates bearer tokens too (the resource
 * server is on), Spring Security's bearer-token entry point answers it (the one
 * registered last is WebFlux's fallback, and the resource server registers after the
 * login), so a script sees the same {@code WWW-Authenticate: Bearer} answer as without
 * browser login.
 */
final class CognitoReactiveLoginCustomizer implements CognitoServerHttpSecurityCustomizer, Ordered {

	/** Late, after the resource server's customizer, as on the servlet stack. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final ReactiveClientRegistrationRepository registrations;

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final ReactiveAuthenticationManager authenticationManager;

	private final CognitoLoginSecurityContextRepository securityContexts;

	private final Map<String, String> authorizationParameters;

	private final String callbackPath;

	private final ServerAuthenticationFailureHandler failureHandler;

	private final ServerAccessDeniedHandler accessDeniedHandler;

	private final ServerLogoutHandler revokingHandler;

	private final ServerLogoutSuccessHandler logoutSuccessHandler;

	private final ServerWebExchangeMatcher apiRequests;

	private final boolean bearerTokensAnswerApiCalls;

	private final SessionRenewalWebFilter sessionRenewal;

	/**
	 * @param bearerTokensAnswerApiCalls whether the resource server answers API-style
	 * requests without credentials
	 * @param sessionRenewal makes sessions follow their tokens, or {@code null} not to
	 */
	CognitoReactiveLoginCustomizer(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveAuthenticationManager authenticationManager, CognitoLoginSecurityContextRepository securityContexts,
			Map<String, String> authorizationParameters, String callbackPath,
			ServerAuthenticationFailureHandler failureHandler, ServerAccessDeniedHandler accessDeniedHandler,
			ServerLogoutHandler revokingHandler, ServerLogoutSuccessHandler logoutSuccessHandler,
			ServerWebExchangeMatcher apiRequests, boolean bearerTokensAnswerApiCalls,
			SessionRenewalWebFilter sessionRenewal) {
		this.registrations = registrations;
		this.authorizedClients = authorizedClients;
		this.authenticationManager = authenticationManager;
		this.securityContexts = securityContexts;
		this.authorizationParameters = Map.copyOf(authorizationParameters);
		this.callbackPath = callbackPath;
		this.failureHandler = failureHandler;
		this.accessDeniedHandler = accessDeniedHandler;
		this.revokingHandler = revokingHandler;
		this.logoutSuccessHandler = logoutSuccessHandler;
		this.apiRequests = apiRequests;
		this.bearerTokensAnswerApiCalls = bearerTokensAnswerApiCalls;
		this.sessionRenewal = sessionRenewal;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		String loginPage = CognitoClientRegistrations.AUTHORIZATION_REQUEST_BASE_URI + "/"
				+ CognitoClientRegistrations.REGISTRATION_ID;
		http.oauth2Login((login) -> login.clientRegistrationRepository(this.registrations)
			.authorizedClientRepository(this.authorizedClients)
			.authenticationManager(this.authenticationManager)
			.securityContextRepository(this.securityContexts)
			.authorizationRequestResolver(resolver())
			.authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(this.callbackPath))
			// The login "page" is the redirect to Cognito: no generated login page.
			.loginPage(loginPage)
			.authenticationFailureHandler(this.failureHandler));
		http.exceptionHandling((exceptions) -> {
			exceptions.accessDeniedHandler(this.accessDeniedHandler);
			if (!this.bearerTokensAnswerApiCalls) {
				exceptions.authenticationEntryPoint(entryPoint(loginPage));
			}
		});
		// Spring Security's default cache, which bearer-token calls leave alone: they
		// need no session.
		http.requestCache((cache) -> cache.requestCache(new BrowserRequestCache(new WebSessionServerRequestCache())));
		http.logout((logout) -> logout.logoutHandler(this::addLogoutHandlers)
			.logoutSuccessHandler(this.logoutSuccessHandler));
		if (this.sessionRenewal != null) {
			// After sign-in and bearer authentication, before the anonymous user,
			// logout and authorization: a session that ends here leaves the request
			// unauthenticated, and the entry points answer it.
			http.addFilterBefore(this.sessionRenewal, SecurityWebFiltersOrder.ANONYMOUS_AUTHENTICATION);
		}
	}

	/**
	 * Revocation first, while the session's tokens are there; the session is invalidated
	 * after the security context is cleared.
	 */
	private void addLogoutHandlers(List<ServerLogoutHandler> handlers) {
		handlers.add(0, this.revokingHandler);
		handlers.add(new WebSessionServerLogoutHandler());
	}

	private ServerAuthenticationEntryPoint entryPoint(String loginPage) {
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegatingServerAuthenticationEntryPoint.DelegateEntry(this.apiRequests,
						new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(loginPage));
		return entryPoint;
	}

	private DefaultServerOAuth2AuthorizationRequestResolver resolver() {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				this.registrations, new PathPatternParserServerWebExchangeMatcher(
						CognitoClientRegistrations.AUTHORIZATION_REQUEST_BASE_URI + "/{registrationId}"));
		if (!this.authorizationParameters.isEmpty()) {
			resolver.setAuthorizationRequestCustomizer((request) -> request
				.additionalParameters((parameters) -> parameters.putAll(this.authorizationParameters)));
		}
		return resolver;
	}

}
