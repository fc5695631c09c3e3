package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.ConditionalOnCognitoLogin;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.RedisClientDefaults;
import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoClientRegistrations;
import io.github.cognitosso.autoconfigure.core.CognitoHttpClients;
import io.github.cognitosso.autoconfigure.core.CognitoIdTokenDecoderFactory;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSourceConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoLoginProperties;
import io.github.cognitosso.autoconfigure.core.CognitoLoginValidationPostProcessor;
import io.github.cognitosso.autoconfigure.core.CognitoLogoutProperties;
import io.github.cognitosso.autoconfigure.core.CognitoOidcUserService;
import io.github.cognitosso.autoconfigure.core.ObservedTokenResponseClient;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.core.GrantedScopesTokenResponseClient;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Browser single sign-on through Cognito's managed login: the {@code cognito} client
 * registration (built from the derived endpoints, no discovery call), the signed-in user
 * with Cognito groups and scopes as authorities, token refresh, and a logout that revokes
 * the refresh token and ends the Cognito session too. It plugs into HTTP security through
 * a {@link CognitoHttpSecurityCustomizer}.
 * <p>
 * Ordered before Spring Boot's OAuth2 client auto-configurations (by name: Boot moves
 * classes between minor versions) so that their client registration and authorized-client
 * repository back off in favour of these. With a {@link ClientRegistrationRepository} on
 * the class path, Boot's generated default user and password back off too. Every bean is
 * replaceable.
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnCognitoLogin
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ClientRegistration.class, HttpSecurity.class, JwtDecoder.class })
@EnableConfigurationProperties({ CognitoLoginProperties.class, CognitoLogoutProperties.class })
@Import(CognitoJwkSourceConfiguration.class)
public final class CognitoLoginAutoConfiguration {

	/**
	 * Where the session's calls to Cognito are observed and their outcomes reported: the
	 * {@code actuate} package's instrumentation, with Actuator.
	 */
	private final Supplier<CognitoInstrumentation> instrumentation;

	CognitoLoginAutoConfiguration(ObjectProvider<CognitoInstrumentation> instrumentation) {
		this.instrumentation = SingletonSupplier
			.of(() -> instrumentation.getIfUnique(() -> CognitoInstrumentation.NONE));
	}

	/**
	 * Checks the browser-login settings when they are bound, also when the application
	 * replaces the login beans: not replaceable, and static so that it is ready before
	 * the settings are bound.
	 */
	@Bean
	static CognitoLoginValidationPostProcessor cognitoLoginValidationPostProcessor(
			ObjectProvider<CognitoProperties> properties, Environment environment) {
		return new CognitoLoginValidationPostProcessor(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean(ClientRegistrationRepository.class)
	public InMemoryClientRegistrationRepository cognitoClientRegistrationRepository(CognitoProperties properties,
			CognitoLoginProperties login, CognitoEndpoints endpoints) {
		return new InMemoryClientRegistrationRepository(
				CognitoClientRegistrations.cognito(properties, login, endpoints));
	}

	/**
	 * The signed-in user's tokens live in the HTTP session: they end with it, each
	 * browser session refreshes and revokes its own refresh token, and they follow the
	 * session when it is shared between instances (Boot's default would keep them in one
	 * instance's memory, keyed by user name, past the session's end).
	 */
	@Bean
	@ConditionalOnMissingBean(OAuth2AuthorizedClientRepository.class)
	public OAuth2AuthorizedClientRepository cognitoAuthorizedClientRepository(ObjectProvider<Clock> clock) {
		return new ClockStampedAuthorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository(),
				clock(clock));
	}

	@Bean
	@ConditionalOnMissingBean
	public OAuth2UserService<OidcUserRequest, OidcUser> cognitoOidcUserService(CognitoProperties properties,
			CognitoLoginProperties login, ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper) {
		return new CognitoOidcUserService(mapper(properties, authoritiesMapper), login.getTimeout(),
				this.instrumentation);
	}

	/**
	 * Keeps a browser user a {@code CognitoAuthentication} when a token refresh renews
	 * the user.
	 */
	@Bean
	RefreshedUserListener cognitoRefreshedUserListener(CognitoProperties properties,
			ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> userService,
			ObjectProvider<JwtDecoderFactory<ClientRegistration>> idTokenDecoderFactory,
			ApplicationEventPublisher eventPublisher) {
		return new RefreshedUserListener(userService.getObject(), idTokenDecoderFactory.getObject(),
				mapper(properties, authoritiesMapper), eventPublisher);
	}

	/**
	 * ID tokens are verified with the pool's key set, the one bearer-token validation
	 * uses: one fetch, one set of JWKS timeouts.
	 */
	@Bean
	@ConditionalOnMissingBean
	public JwtDecoderFactory<ClientRegistration> cognitoIdTokenDecoderFactory(CognitoPool pool,
			ObjectProvider<Clock> clock) {
		// Every issuer form of the pool: cognito.resource-server.accept-both-issuer-types
		// is for bearer tokens only.
		return new CognitoIdTokenDecoderFactory(pool.endpoints().acceptedIssuers(), pool.keys(), clock(clock));
	}

	/**
	 * Hands out the signed-in user's tokens
	 * ({@code @RegisteredOAuth2AuthorizedClient("cognito")}, an
	 * {@code OAuth2ClientHttpRequestInterceptor}), refreshing an expired access token
	 * with the refresh token, one refresh per session at a time, keeping the refresh
	 * token a rotating refresh returns.
	 */
	@Bean
	@ConditionalOnMissingBean
	public OAuth2AuthorizedClientManager cognitoAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, CognitoLoginProperties login,
			ApplicationEventPublisher eventPublisher, SessionRefreshCoordinator coordinator,
			ObjectProvider<Clock> clock) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setClock(clock(clock));
		refresh.setAccessTokenResponseClient(refreshTokenResponseClient(login.getTimeout()));
		// Lets Spring Security refresh the signed-in user from the new ID token a refresh
		// brings.
		refresh.setApplicationEventPublisher(eventPublisher);
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
				new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh));
		return new SessionSynchronizedAuthorizedClientManager(manager, authorizedClients, coordinator, clock(clock));
	}

	/**
	 * One token refresh per session at a time: by session id in this instance, and
	 * through Redis while the sessions live there ({@link SharedSessionConfiguration}).
	 */
	@Bean
	SessionRefreshCoordinator cognitoSessionRefreshCoordinator(ObjectProvider<SessionTokensLock> lock) {
		return new SessionRefreshCoordinator(lock.getIfAvailable(LocalSessionTokensLock::new));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "cognito.logout.revoke-refresh-token", havingValue = "true", matchIfMissing = true)
	public CognitoTokenRevoker cognitoTokenRevoker(CognitoLoginProperties login, CognitoEndpoints endpoints) {
		// The start-up check of cognito.* makes sure browser login has this endpoint.
		URI endpoint = endpoints.revocation().orElseThrow();
		CognitoTokenRevoker revoker = new CognitoTokenRevoker(endpoint, login.getTimeout());
		revoker.setInstrumentation(this.instrumentation);
		return revoker;
	}

	@Bean
	@ConditionalOnMissingBean
	public CognitoLogoutSuccessHandler cognitoLogoutSuccessHandler(CognitoProperties properties,
			CognitoLogoutProperties logout, CognitoEndpoints endpoints) {
		// The start-up check of cognito.* makes sure browser login has this endpoint.
		URI endpoint = endpoints.logout().orElseThrow();
		return new CognitoLogoutSuccessHandler(endpoint, properties.getClientId(), logout.getLogoutUri());
	}

	@Bean
	public CognitoHttpSecurityCustomizer cognitoLoginHttpSecurityCustomizer(CognitoProperties properties,
			CognitoLoginProperties login, Environment environment, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients,
			OAuth2UserService<OidcUserRequest, OidcUser> userService, CognitoLogoutSuccessHandler logoutSuccessHandler,
			ObjectProvider<CognitoTokenRevoker> revoker, ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper,
			ObjectProvider<OAuth2AuthorizedClientManager> authorizedClientManager,
			SessionRefreshCoordinator coordinator, ObjectProvider<Clock> clock) {
		String callbackPath = CognitoClientRegistrations.callbackPath(login.getRedirectUri(),
				environment.getProperty("server.servlet.context-path", ""));
		ApiRequestMatcher apiRequests = new ApiRequestMatcher();
		LogoutHandler revokingHandler = new RefreshTokenRevokingLogoutHandler(authorizedClients,
				revoker.getIfAvailable());
		SessionRenewalFilter sessionRenewal = (login.isSessionFollowsTokens() || login.getSessionMaxLifetime() != null)
				? new SessionRenewalFilter(authorizedClients, authorizedClientManager.getObject(), revokingHandler,
						login.isSessionFollowsTokens(), login.getSessionMaxLifetime(), clock(clock), apiRequests,
						coordinator)
				: null;
		return new CognitoLoginHttpSecurityCustomizer(registrations, authorizedClients,
				authorizationCodeTokenResponseClient(login.getTimeout()), userService,
				CognitoClientRegistrations.authorizationParameters(login), callbackPath,
				new CognitoAuthenticationFailureHandler(blankToNull(login.getFailureUrl()), "/", this.instrumentation),
				new CognitoAccessDeniedHandler(blankToNull(login.getForbiddenUrl()), apiRequests), revokingHandler,
				logoutSuccessHandler, apiRequests, mapper(properties, authoritiesMapper), clock(clock), sessionRenewal);
	}

	/**
	 * Sessions shared between instances through Spring Session: a clear 503 while the
	 * store is down, and, with Redis, the refresh lock held there and Lettuce settings
	 * that fail fast instead of waiting a minute for a Redis that is gone.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.session.web.http.SessionRepositoryFilter",
			"org.springframework.dao.DataAccessException" })
	static class SharedSessionConfiguration {

		/**
		 * Ahead of Spring Session's filter ({@code spring.session.servlet.filter-order}),
		 * so that it sees the store's failures, and writes its answer without the
		 * session.
		 */
		@Bean
		FilterRegistrationBean<SessionStoreOutageFilter> cognitoSessionStoreOutageFilter(Environment environment) {
			FilterRegistrationBean<SessionStoreOutageFilter> registration = new FilterRegistrationBean<>(
					new SessionStoreOutageFilter(new ApiRequestMatcher()));
			int sessionFilterOrder = environment.getProperty("spring.session.servlet.filter-order", Integer.class,
					SessionRepositoryFilter.DEFAULT_ORDER);
			registration.setOrder(sessionFilterOrder - 1);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
			return registration;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.session.data.redis.RedisSessionRepository",
				"org.springframework.data.redis.core.StringRedisTemplate" })
		static class RedisSessionConfiguration {

			/**
			 * Lives as long as the longest refresh can take (the connect and read
			 * timeouts of a call to Cognito) and a margin.
			 */
			@Bean
			SessionTokensLock cognitoSessionTokensLock(ObjectProvider<RedisConnectionFactory> connectionFactory,
					CognitoLoginProperties login) {
				RedisConnectionFactory factory = connectionFactory.getIfAvailable();
				if (factory == null) {
					return new LocalSessionTokensLock();
				}
				return new RedisSessionTokensLock(new StringRedisTemplate(factory),
						new SharedSessionRefreshLock(login.getTimeout()));
			}

			@Configuration(proxyBeanMethods = false)
			@ConditionalOnClass(name = { "io.lettuce.core.ClientOptions",
					"org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer" })
			static class LettuceDefaultsConfiguration {

				@Bean
				@Order(Ordered.HIGHEST_PRECEDENCE)
				static RedisClientDefaults cognitoRedisClientDefaults(Environment environment) {
					return new RedisClientDefaults(environment);
				}

			}

		}

	}

	private OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			Duration timeout) {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(CognitoHttpClients.tokenEndpoint(timeout));
		return new GrantedScopesTokenResponseClient<>(
				new ObservedTokenResponseClient<>(client, null, this.instrumentation));
	}

	private OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenResponseClient(
			Duration timeout) {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(CognitoHttpClients.tokenEndpoint(timeout));
		return new GrantedScopesTokenResponseClient<>(
				new ObservedTokenResponseClient<>(client, BrowserSessionEvent.REFRESH, this.instrumentation));
	}

	private static CognitoAuthoritiesMapper mapper(CognitoProperties properties,
			ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper) {
		return authoritiesMapper.getIfAvailable(() -> new CognitoAuthoritiesMapper(properties.getAuthorities()));
	}

	/** The application's clock when it has one (tests move it), else the system clock. */
	private static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfUnique(Clock::systemUTC);
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
