package io.github.cognitosso.autoconfigure.reactive.login;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.core.RedisClientDefaults;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;
import io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which reactive login beans exist under which properties, what they back off for, and
 * what stops start-up.
 */
class CognitoReactiveLoginAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
				CognitoReactiveLoginAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
				"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.resource-server.enabled=false");

	@Test
	void withSpringSessionAndLettuceA503ForAStoreOutageAndLettuceDefaultsThatFailFast() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(SessionStoreOutageWebFilter.class)
			.hasSingleBean(RedisClientDefaults.class));
	}

	@Test
	void withoutSpringSessionNoStoreOutageFilterAndNoLettuceDefaults() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.session"))
			.run((context) -> assertThat(context).doesNotHaveBean(SessionStoreOutageWebFilter.class)
				.doesNotHaveBean(RedisClientDefaults.class));
	}

	@Test
	void withWebSessionsInRedisTheRefreshLockIsHeldInRedisAndTheTokensAreReadFromTheStore() {
		this.runner.withUserConfiguration(RedisSessions.class).run((context) -> {
			StoredWebSessions store = context.getBean(StoredWebSessions.class);
			assertThat(store.lock()).isNotNull();
			assertThat(context).hasSingleBean(WebSessionRefreshCoordinator.class);
		});
	}

	@Test
	void withWebSessionsInSpringSessionsMemoryTheTokensAreReadFromTheStoreUnderTheLocalLock() {
		this.runner.withUserConfiguration(RedisConnection.class, InMemorySessions.class)
			.run((context) -> assertThat(context.getBean(StoredWebSessions.class).lock()).isNull());
	}

	@Test
	void withWebFluxsOwnSessionsOnlyTheLocalLock() {
		this.runner.withUserConfiguration(RedisConnection.class)
			.run((context) -> assertThat(context.getBeanProvider(StoredWebSessions.class).getIfAvailable()).isNull());
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.session"))
			.run((context) -> assertThat(context).hasSingleBean(WebSessionRefreshCoordinator.class)
				.doesNotHaveBean(StoredWebSessions.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RedisConnection {

		@Bean
		LettuceConnectionFactory redisConnectionFactory() {
			// Not connected until a command is sent: none is here.
			return new LettuceConnectionFactory("127.0.0.1", 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(RedisConnection.class)
	static class RedisSessions {

		@Bean
		ReactiveRedisSessionRepository sessionRepository(LettuceConnectionFactory connection) {
			RedisSerializationContext<String, Object> serialization = RedisSerializationContext
				.<String, Object>newSerializationContext(RedisSerializer.java())
				.key(RedisSerializer.string())
				.hashKey(RedisSerializer.string())
				.build();
			return new ReactiveRedisSessionRepository(new ReactiveRedisTemplate<>(connection, serialization));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InMemorySessions {

		@Bean
		ReactiveMapSessionRepository sessionRepository() {
			return new ReactiveMapSessionRepository(new ConcurrentHashMap<>());
		}

	}

	@Test
	void domainAndClientIdTurnReactiveLoginOnWithACognitoRegistration() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class)
				.hasSingleBean(CognitoServerLogoutSuccessHandler.class)
				.hasSingleBean(CognitoTokenRevoker.class)
				.hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
				.hasSingleBean(CognitoServerHttpSecurityCustomizer.class)
				.hasSingleBean(CognitoJwkSource.class);
			ClientRegistration registration = context.getBean(ReactiveClientRegistrationRepository.class)
				.findByRegistrationId("cognito")
				.block();
			assertThat(registration.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize");
			assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
		});
	}

	@Test
	void tokensLiveInTheWebSession() {
		this.runner.run((context) -> assertThat(context.getBean(ServerOAuth2AuthorizedClientRepository.class))
			.isInstanceOf(ClockStampedServerAuthorizedClientRepository.class)
			.extracting("delegate")
			.isInstanceOf(WebSessionServerOAuth2AuthorizedClientRepository.class));
	}

	@Test
	void theServletLoginStaysOffInAReactiveApplication() {
		this.runner.withConfiguration(AutoConfigurations.of(CognitoLoginAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoHttpSecurityCustomizer.class)
				.hasSingleBean(CognitoServerHttpSecurityCustomizer.class));
	}

	@Test
	void theReactiveLoginStaysOffInAServletApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CognitoAutoConfiguration.class, CognitoReactiveLoginAutoConfiguration.class))
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
					"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoServerHttpSecurityCustomizer.class)
				.doesNotHaveBean(ReactiveClientRegistrationRepository.class));
	}

	@Test
	void noReactiveLoginWithoutADomain() {
		this.runner.withPropertyValues("cognito.domain=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CognitoServerLogoutSuccessHandler.class)
				.doesNotHaveBean(CognitoServerHttpSecurityCustomizer.class);
		});
	}

	@Test
	void noReactiveLoginWhenSwitchedOff() {
		this.runner.withPropertyValues("cognito.login.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoServerLogoutSuccessHandler.class)
				.doesNotHaveBean(CognitoServerHttpSecurityCustomizer.class));
	}

	@Test
	void noReactiveLoginWithoutAUserPool() {
		this.runner.withPropertyValues("cognito.user-pool-id=")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoServerHttpSecurityCustomizer.class));
	}

	@Test
	void noRevokerWhenRevocationIsSwitchedOff() {
		this.runner.withPropertyValues("cognito.logout.revoke-refresh-token=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoTokenRevoker.class)
				.hasSingleBean(CognitoServerHttpSecurityCustomizer.class));
	}

	@Test
	void applicationsReactiveClientRegistrationRepositoryReplacesTheStarters() {
		this.runner.withUserConfiguration(OwnRegistrations.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class);
			assertThat(context.getBean(ReactiveClientRegistrationRepository.class)
				.findByRegistrationId("cognito")
				.block()
				.getClientId()).isEqualTo("own-client");
			assertThat(context).hasSingleBean(CognitoServerHttpSecurityCustomizer.class);
		});
	}

	@Test
	void applicationsLoginBeansReplaceTheStarters() {
		this.runner.withUserConfiguration(OwnLoginBeans.class).run((context) -> {
			OwnLoginBeans own = context.getBean(OwnLoginBeans.class);
			assertThat(context.getBean(ServerOAuth2AuthorizedClientRepository.class)).isSameAs(own.repository);
			assertThat(context.getBean(ReactiveOAuth2UserService.class)).isSameAs(own.userService);
			assertThat(context.getBean(ReactiveJwtDecoderFactory.class)).isSameAs(own.decoders);
			assertThat(context.getBean(ReactiveOAuth2AuthorizedClientManager.class)).isSameAs(own.manager);
			assertThat(context.getBean(CognitoTokenRevoker.class)).isSameAs(own.revoker);
			assertThat(context.getBean(CognitoServerLogoutSuccessHandler.class)).isSameAs(own.logout);
			assertThat(context).hasSingleBean(CognitoServerHttpSecurityCustomizer.class);
		});
	}

	@Test
	void logoutRedirectsToCognitoWithTheConfiguredLogoutUri() {
		this.runner.withPropertyValues("cognito.logout.logout-uri={baseUrl}/signed-out").run((context) -> {
			String url = context.getBean(CognitoServerLogoutSuccessHandler.class)
				.logoutUrl(MockServerHttpRequest.post("https://app.example.com/logout?logout_uri=https://evil.example")
					.build());
			assertThat(url).isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/logout"
					+ "?client_id=2or4cs8bjo1lkbq6143tqp6ist&logout_uri=https%3A%2F%2Fapp.example.com%2Fsigned-out");
		});
	}

	@Test
	void strictReactiveSessionCookieStopsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("server.reactive.session.cookie.same-site=strict").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("server.reactive.session.cookie.same-site");
		});
	}

	@Test
	void zeroTimeoutStopsStartUp() {
		this.runner.withPropertyValues("cognito.login.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.login.timeout");
		});
	}

	@Test
	void theCallbackPathFollowsWebFluxsBasePath() {
		this.runner
			.withPropertyValues("spring.webflux.base-path=/shop",
					"cognito.login.redirect-uri=https://app.example.com/shop/callback")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CognitoServerHttpSecurityCustomizer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		ReactiveClientRegistrationRepository ownRegistrations() {
			return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId("cognito")
				.clientId("own-client")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri("https://auth.example.com/oauth2/authorize")
				.tokenUri("https://auth.example.com/oauth2/token")
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLoginBeans {

		final ServerOAuth2AuthorizedClientRepository repository = new WebSessionServerOAuth2AuthorizedClientRepository();

		final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userService = (request) -> Mono.empty();

		final ReactiveJwtDecoderFactory<ClientRegistration> decoders = (registration) -> (token) -> Mono.empty();

		final ReactiveOAuth2AuthorizedClientManager manager = (request) -> Mono.empty();

		final CognitoTokenRevoker revoker = new CognitoTokenRevoker(
				URI.create("https://auth.example.com/oauth2/revoke"), java.time.Duration.ofSeconds(1));

		final CognitoServerLogoutSuccessHandler logout = new CognitoServerLogoutSuccessHandler(
				URI.create("https://auth.example.com/logout"), "own-client", "https://app.example.com/");

		@Bean
		ServerOAuth2AuthorizedClientRepository ownRepository() {
			return this.repository;
		}

		@Bean
		ReactiveOAuth2UserService<OidcUserRequest, OidcUser> ownUserService() {
			return this.userService;
		}

		@Bean
		ReactiveJwtDecoderFactory<ClientRegistration> ownDecoders() {
			return this.decoders;
		}

		@Bean
		ReactiveOAuth2AuthorizedClientManager ownManager() {
			return this.manager;
		}

		@Bean
		CognitoTokenRevoker ownRevoker() {
			return this.revoker;
		}

		@Bean
		CognitoServerLogoutSuccessHandler ownLogout() {
			return this.logout;
		}

	}

}
