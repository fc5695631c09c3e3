package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.ConditionalOnCognitoLogin;
import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoClientRegistrations;
import io.github.cognitosso.autoconfigure.core.CognitoHttpClients;
import io.github.cognitosso.autoconfigure.core.CognitoIdTokenDecoderFactory;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSourceConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoLoginProperties;
import io.github.cognitosso.autoconfigure.core.CognitoLoginPropertiesValidator;
import io.github.cognitosso.autoconfigure.core.CognitoLoginValidationPostProcessor;
import io.github.cognitosso.autoconfigure.core.CognitoLogoutProperties;
import io.github.cognitosso.autoconfigure.core.CognitoOidcUserService;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.core.GrantedScopesTokenResponseClient;
import io.github.cognitosso.autoconfigure.core.ObservedTokenResponseClient;
import io.github.cognitosso.autoconfigure.core.RedisClientDefaults;
import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisIndexedSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Browser single sign-on through Cognito's managed login in a WebFlux application: the
 * same {@code cognito.login.*} and {@code cognito.logout.*} settings, checks and
 * behaviour as the servlet login ({@code servlet.login}), built on the same core pieces
 * (the {@code cognito} registration without discovery, the ID-token check on the pool's
 * key source, the user with groups as roles and the verified-email rule, the token
 * clients with their timeouts and error reading, revocation). Their blocking calls to
 * Cognito run on the bounded elastic scheduler. It plugs into a
 * {@code ServerHttpSecurity} chain through a {@link CognitoServerHttpSecurityCustomizer}.
 * <p>
 * Ordered before Spring Boot's reactive OAuth2 client auto-configurations (by name) so
 * that their registration and authorized-client repository back off in favour of these.
 * Every bean is replaceable.
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnCognitoLogin
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ClientRegistration.class, ServerHttpSecurity.class, JwtDecoder.class, Mono.class })
@EnableConfigurationProperties({ CognitoLoginProperties.class, CognitoLogoutProperties.class })
@Import(CognitoJwkSourceConfiguration.class)
public final class CognitoReactiveLoginAutoConfiguration {

	private static final String REACTIVE_REDIS_SESSIONS = "org.springframework.session.data.redis.ReactiveRedisSessionRepository";

	private static final String REACTIVE_RESOURCE_SERVER = "org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager";

	/**
	 * Where the session's calls to Cognito are observed and its sign-ins, refreshes,
	 * revocations and sign-outs reported: the {@code actuate} package's instrumentation,
	 * with Actuator.
	 */
	private final Supplier<CognitoInstrumentation> instrumentation;

	CognitoReactiveLoginAutoConfiguration(ObjectProvider<CognitoInstrumentation> instrumentation) {
		this.instrumentation = SingletonSupplier
			.of(() -> instrumentation.getIfUnique(() -> CognitoInstrumentation.NONE));
	}

	/**
	 * Checks the browser-login settings when they are bound, with WebFlux's base path and
	 * session cookie: not replaceable, and static so that it is ready before the settings
	 * are bound.
	 */
	@Bean
	static CognitoLoginValidationPostProcessor cognitoReactiveLoginValidationPostProcessor(
			ObjectProvider<CognitoProperties> properties, Environment environment) {
		return new CognitoLoginValidationPostProcessor(properties, environment,
				CognitoLoginPropertiesValidator.REACTIVE_BASE_PATH,
				CognitoLoginPropertiesValidator.REACTIVE_SESSION_COOKIE_SAME_SITE);
	}

	@Bean
	@ConditionalOnMissingBean(ReactiveClientRegistrationRepository.class)
	public InMemoryReactiveClientRegistrationRepository cognitoReactiveClientRegistrationRepository(
			CognitoProperties properties, CognitoLoginProperties login, CognitoEndpoints endpoints) {
		return new InMemoryReactiveClientRegistrationRepository(
				CognitoClientRegistrations.cognito(properties, login, endpoints));
	}

	/**
	 * The signed-in user's tokens live in the web session: they end with it, and each
	 * browser session refreshes and revokes its own refresh token (Boot's default would
	 * keep them in memory, keyed by user name, past the session's end).
	 */
	@Bean
	@ConditionalOnMissingBean(ServerOAuth2AuthorizedClientRepository.class)
	public ServerOAuth2AuthorizedClientRepository cognitoServerAuthorizedClientRepository(ObjectProvider<Clock> clock) {
		return new ClockStampedServerAuthorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository(),
				clock(clock));
	}

	@Bean
	@ConditionalOnMissingBean
	public ReactiveOAuth2UserService<OidcUserRequest, OidcUser> cognitoReactiveOidcUserService(
			CognitoProperties properties, CognitoLoginProperties login,
			ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper) {
		return new BlockingOidcUserService(new CognitoOidcUserService(mapper(properties, authoritiesMapper),
				login.getTimeout(), this.instrumentation));
	}

	/**
	 * ID tokens are verified with the pool's key set, the one bearer-token validation
	 * uses: one fetch, one set of JWKS timeouts.
	 */
	@Bean
	@ConditionalOnMissingBean
	public ReactiveJwtDecoderFactory<ClientRegistration> cognitoReactiveIdTokenDecoderFactory(CognitoPool pool,
			ObjectProvider<Clock> clock) {
		return new CognitoReactiveIdTokenDecoderFactory(
				new CognitoIdTokenDecoderFactory(pool.endpoints().acceptedIssuers(), pool.keys(), clock(clock)));
	}

	@Bean
	SessionLocks cognitoSessionLocks() {
		return new SessionLocks();
	}

	/**
	 * One token refresh per session at a time: by session id in this instance, and
	 * through Redis while the WebSessions live there
	 * ({@link SharedSessionConfiguration}).
	 */
	@Bean
	WebSessionRefreshCoordinator cognitoWebSessionRefreshCoordinator(SessionLocks locks,
			ObjectProvider<StoredWebSessions> store) {
		return new WebSessionRefreshCoordinator(locks, store.getIfAvailable());
	}

	@Bean
	CognitoLoginSecurityContextRepository cognitoLoginSecurityContextRepository(CognitoProperties properties,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveClientRegistrationRepository registrations,
			ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper, ObjectProvider<Clock> clock) {
		return new CognitoLoginSecurityContextRepository(authorizedClients, registrations,
				mapper(properties, authoritiesMapper), clock(clock));
	}

	/**
	 * Hands out the signed-in user's tokens
	 * ({@code @RegisteredOAuth2AuthorizedClient("cognito")}, a
	 * {@code ServerOAuth2AuthorizedClientExchangeFilterFunction}), refreshing an expired
	 * access token with the refresh token, one refresh per session at a time, keeping the
	 * refresh token a rotating refresh returns and renewing the user from the new ID
	 * token.
	 */
	@Bean
	@ConditionalOnMissingBean
	public ReactiveOAuth2AuthorizedClientManager cognitoReactiveAuthorizedClientManager(
			ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, CognitoLoginProperties login,
			WebSessionRefreshCoordinator coordinator, ObjectProvider<Clock> clock) {
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		refresh.setClock(clock(clock));
		// The session renewal reads the new ID token from the refresh's response.
		refresh.setAccessTokenResponseClient(
				RefreshResponseCapture.client(refreshTokenResponseClient(login.getTimeout(), this.instrumentation)));
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
				new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(), refresh));
		return new SessionSerializedAuthorizedClientManager(manager, authorizedClients, coordinator, clock(clock));
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
	public CognitoServerLogoutSuccessHandler cognitoServerLogoutSuccessHandler(CognitoProperties properties,
			CognitoLogoutProperties logout, CognitoEndpoints endpoints) {
		// The start-up check of cognito.* makes sure browser login has this endpoint.
		URI endpoint = endpoints.logout().orElseThrow();
		return new CognitoServerLogoutSuccessHandler(endpoint, properties.getClientId(), logout.getLogoutUri());
	}

	/**
	 * The "Page expired" page for a rejected CSRF token, on chains with CSRF on
	 * ({@link CsrfPageExpiredPostProcessor}).
	 */
	@Bean
	static BeanPostProcessor cognitoCsrfPageExpiredPostProcessor() {
		return new CsrfPageExpiredPostProcessor();
	}

	@Bean
	public CognitoServerHttpSecurityCustomizer cognitoReactiveLoginCustomizer(CognitoProperties properties,
			CognitoLoginProperties login, ObjectProvider<CognitoAuthoritiesMapper> authoritiesMapper,
			Environment environment, ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userService,
			ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory,
			CognitoLoginSecurityContextRepository securityContexts, WebSessionRefreshCoordinator coordinator,
			CognitoServerLogoutSuccessHandler logoutSuccessHandler, ObjectProvider<CognitoTokenRevoker> revoker,
			ReactiveOAuth2AuthorizedClientManager authorizedClientManager, ObjectProvider<Clock> clock) {
		String callbackPath = CognitoClientRegistrations.callbackPath(login.getRedirectUri(),
				environment.getProperty(CognitoLoginPropertiesValidator.REACTIVE_BASE_PATH, ""));
		ApiExchangeMatcher apiRequests = new ApiExchangeMatcher();
		OidcAuthorizationCodeReactiveAuthenticationManager authenticationManager = new OidcAuthorizationCodeReactiveAuthenticationManager(
				authorizationCodeTokenResponseClient(login.getTimeout()), userService);
		// WebFlux publishes no authentication events: the manager reports the sign-ins.
		ReactiveAuthenticationManager signIns = SessionEventReports.signIns(authenticationManager,
				this.instrumentation);
		authenticationManager.setJwtDecoderFactory(idTokenDecoderFactory);
		RefreshTokenRevokingServerLogoutHandler revokingHandler = new RefreshTokenRevokingServerLogoutHandler(
				authorizedClients, revoker.getIfAvailable());
		SessionRenewalWebFilter sessionRenewal = null;
		if (login.isSessionFollowsTokens() || login.getSessionMaxLifetime() != null) {
			ReactiveOAuth2AuthorizedClientManager refreshing = (authorizedClientManager instanceof SessionSerializedAuthorizedClientManager serialized)
					? serialized.unserialized() : authorizedClientManager;
			RefreshedUserHandler refreshedUsers = new RefreshedUserHandler(idTokenDecoderFactory, userService,
					mapper(properties, authoritiesMapper), securityContexts);
			sessionRenewal = new SessionRenewalWebFilter(authorizedClients, refreshing, coordinator, securityContexts,
					revokingHandler, refreshedUsers, login.isSessionFollowsTokens(), login.getSessionMaxLifetime(),
					clock(clock), apiRequests);
		}
		return new CognitoReactiveLoginCustomizer(registrations, authorizedClients, signIns, securityContexts,
				CognitoClientRegistrations.authorizationParameters(login), callbackPath,
				SessionEventReports.failedSignIns(
						new CognitoServerAuthenticationFailureHandler(blankToNull(login.getFailureUrl())),
						this.instrumentation),
				new CognitoServerAccessDeniedHandler(blankToNull(login.getForbiddenUrl()), apiRequests),
				revokingHandler, SessionEventReports.signOuts(logoutSuccessHandler, this.instrumentation), apiRequests,
				bearerTokensAnswerApiCalls(environment), sessionRenewal);
	}

	/**
	 * WebSessions shared between instances through Spring Session: a clear 503 while the
	 * store is down, the session's tokens read from and written to the store around a
	 * refresh, and, with Redis, the refresh lock held there and Lettuce settings that
	 * fail fast instead of waiting a minute for a Redis that is gone.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.session.web.server.session.SpringSessionWebSessionStore",
			"org.springframework.dao.DataAccessException" })
	static class SharedSessionConfiguration {

		@Bean
		SessionStoreOutageWebFilter cognitoSessionStoreOutageWebFilter() {
			return new SessionStoreOutageWebFilter(new ApiExchangeMatcher());
		}

		/**
		 * The application's Spring Session store, when it has one (Spring Session's
		 * reactive auto-configuration defines it, with the {@code WebSessionManager} that
		 * uses it); else {@code null}, and sessions are WebFlux's own.
		 */
		@Bean
		StoredWebSessions cognitoStoredWebSessions(ObjectProvider<ReactiveSessionRepository<?>> repository,
				ObjectProvider<RedisWebSessionLock> redisLock) {
			ReactiveSessionRepository<?> sessions = repository.getIfUnique();
			if (sessions == null) {
				return null;
			}
			boolean inRedis = ClassUtils.isPresent(REACTIVE_REDIS_SESSIONS, sessions.getClass().getClassLoader())
					&& isReactiveRedis(sessions);
			return new StoredWebSessions(sessions, inRedis ? redisLock.getIfAvailable() : null);
		}

		private static boolean isReactiveRedis(ReactiveSessionRepository<?> sessions) {
			return sessions instanceof ReactiveRedisSessionRepository
					|| sessions instanceof ReactiveRedisIndexedSessionRepository;
		}

		/**
		 * The refresh lock in Redis, when the application has a reactive Redis connection
		 * ({@code null} otherwise): it lives as long as the longest refresh can take (the
		 * connect and read timeouts of a call to Cognito) and a margin.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(
				name = { REACTIVE_REDIS_SESSIONS, "org.springframework.data.redis.core.ReactiveStringRedisTemplate" })
		static class RedisLockConfiguration {

			@Bean
			RedisWebSessionLock cognitoRedisWebSessionLock(ObjectProvider<ReactiveRedisConnectionFactory> connection,
					CognitoLoginProperties login) {
				ReactiveRedisConnectionFactory factory = connection.getIfAvailable();
				return (factory != null) ? new RedisWebSessionLock(new ReactiveStringRedisTemplate(factory),
						new SharedSessionRefreshLock(login.getTimeout())) : null;
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.session.data.redis.ReactiveRedisSessionRepository",
				"io.lettuce.core.ClientOptions",
				"org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer" })
		static class LettuceDefaultsConfiguration {

			@Bean
			@Order(Ordered.HIGHEST_PRECEDENCE)
			static RedisClientDefaults cognitoReactiveRedisClientDefaults(Environment environment) {
				return new RedisClientDefaults(environment);
			}

		}

	}

	/**
	 * Whether the resource server is on in this application, and so answers API-style
	 * requests without credentials with its {@code WWW-Authenticate: Bearer} 401.
	 */
	private static boolean bearerTokensAnswerApiCalls(Environment environment) {
		return environment.getProperty("cognito.resource-server.enabled", Boolean.class, true) && ClassUtils
			.isPresent(REACTIVE_RESOURCE_SERVER, CognitoReactiveLoginAutoConfiguration.class.getClassLoader());
	}

	/**
	 * The core's blocking client, observed like the servlet login's: the observation runs
	 * on the bounded elastic thread, around the HTTP call itself.
	 */
	private BlockingTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			Duration timeout) {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(CognitoHttpClients.tokenEndpoint(timeout));
		return new BlockingTokenResponseClient<>(new GrantedScopesTokenResponseClient<>(
				new ObservedTokenResponseClient<>(client, null, this.instrumentation)));
	}

	private static BlockingTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenResponseClient(
			Duration timeout, Supplier<CognitoInstrumentation> instrumentation) {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(CognitoHttpClients.tokenEndpoint(timeout));
		return new BlockingTokenResponseClient<>(new GrantedScopesTokenResponseClient<>(
				new ObservedTokenResponseClient<>(client, BrowserSessionEvent.REFRESH, instrumentation)));
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
