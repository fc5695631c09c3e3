package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.core.RedisClientDefaults;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoWebSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which login beans exist under which properties, what they back off for, and what stops
 * start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class CognitoLoginAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class, CognitoLoginAutoConfiguration.class,
				CognitoWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
				"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.resource-server.enabled=false");

	@Test
	void withSessionsInRedisTheRefreshLockIsInRedisAndLettuceFailsFast() {
		this.runner
			.withBean(org.springframework.data.redis.connection.RedisConnectionFactory.class,
					() -> new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory("127.0.0.1",
							6379))
			.run((context) -> {
				assertThat(context).getBean(SessionTokensLock.class).isInstanceOf(RedisSessionTokensLock.class);
				assertThat(context).hasSingleBean(RedisClientDefaults.class);
				assertThat(context).hasBean("cognitoSessionStoreOutageFilter");
			});
	}

	@Test
	void withoutRedisTheRefreshLockIsThisInstances() {
		this.runner.run((context) -> assertThat(context.getBean(SessionRefreshCoordinator.class)).isNotNull()
			.extracting("lock")
			.isInstanceOf(LocalSessionTokensLock.class));
	}

	@Test
	void domainAndClientIdTurnLoginOnWithACognitoRegistration() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class)
				.hasSingleBean(CognitoLogoutSuccessHandler.class)
				.hasSingleBean(CognitoTokenRevoker.class)
				.hasSingleBean(OAuth2AuthorizedClientManager.class)
				.hasSingleBean(CognitoHttpSecurityCustomizer.class)
				.hasSingleBean(SecurityFilterChain.class);
			ClientRegistration registration = context.getBean(ClientRegistrationRepository.class)
				.findByRegistrationId("cognito");
			assertThat(registration.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize");
		});
	}

	@Test
	void tokensLiveInTheSessionAndBootsAuthorizedClientRepositoryBacksOff() {
		this.runner.run((context) -> assertThat(context.getBean(OAuth2AuthorizedClientRepository.class))
			.isInstanceOf(ClockStampedAuthorizedClientRepository.class)
			.extracting("delegate")
			.isInstanceOf(HttpSessionOAuth2AuthorizedClientRepository.class));
	}

	@Test
	void loginWithoutTheResourceServerStillGetsThePoolsKeySource() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(CognitoJwkSource.class));
	}

	@Test
	void loginWithoutTheResourceServerStillGetsThePoolWithItsKeySource() {
		this.runner.run((context) -> assertThat(context.getBean(CognitoPool.class).keys())
			.isSameAs(context.getBean(CognitoJwkSource.class)));
	}

	@Test
	void loginWithTheResourceServerSharesOneKeySource() {
		this.runner.withConfiguration(AutoConfigurations.of(CognitoResourceServerAutoConfiguration.class))
			.withPropertyValues("cognito.resource-server.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(CognitoJwkSource.class)
				.hasSingleBean(org.springframework.security.oauth2.jwt.JwtDecoder.class));
	}

	@Test
	void noLoginWithoutADomain() {
		this.runner.withPropertyValues("cognito.domain=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(CognitoLogoutSuccessHandler.class);
		});
	}

	@Test
	void noLoginWhenSwitchedOff() {
		this.runner.withPropertyValues("cognito.login.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoLogoutSuccessHandler.class)
				.doesNotHaveBean(CognitoHttpSecurityCustomizer.class));
	}

	@Test
	void applicationsClientRegistrationRepositoryReplacesTheStarters() {
		this.runner.withUserConfiguration(OwnRegistrations.class).run((context) -> {
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
			assertThat(
					context.getBean(ClientRegistrationRepository.class).findByRegistrationId("cognito").getClientId())
				.isEqualTo("own-client");
		});
	}

	@Test
	void applicationsLoginBeansStillHaveTheLoginSettingsChecked() {
		this.runner.withUserConfiguration(OwnRegistrations.class, OwnLogoutSuccessHandler.class)
			.withPropertyValues("cognito.login.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(CognitoConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("cognito.login.timeout");
					assertThat(ex.getProblem()).isEqualTo("calls to Cognito need a positive timeout.");
				}));
	}

	@Test
	void applicationsClientRegistrationRepositoryStillNeedsAReadableRedirectUri() {
		this.runner.withUserConfiguration(OwnRegistrations.class)
			.withPropertyValues("cognito.login.redirect-uri={baseScheme}://{baseHost}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(CognitoConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.login.redirect-uri")));
	}

	@Test
	void noRevokerWhenRevocationIsSwitchedOff() {
		this.runner.withPropertyValues("cognito.logout.revoke-refresh-token=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoTokenRevoker.class));
	}

	@Test
	void bootsGeneratedUserAndPasswordAreOff(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(UserDetailsService.class);
			assertThat(output).doesNotContain("Using generated security password");
		});
	}

	@Test
	void loginWithoutTheOpenidScopeStopsStartUp() {
		this.runner.withPropertyValues("cognito.scopes=email,profile")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.scopes")
				.hasMessageContaining("openid"));
	}

	@Test
	void authorizationParameterThatTheFlowSetsItselfStopsStartUp() {
		this.runner.withPropertyValues("cognito.login.authorization-parameters.state=fixed")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.login.authorization-parameters.state"));
	}

	@Test
	void strictSessionCookieStopsStartUp() {
		this.runner.withPropertyValues("server.servlet.session.cookie.same-site=strict")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("server.servlet.session.cookie.same-site"));
	}

	@Test
	void failureUrlThatIsNoUrlStopsStartUp() {
		this.runner.withPropertyValues("cognito.login.failure-url=mailto:help@example.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.login.failure-url"));
	}

	@Test
	void redirectUriWithoutAReadablePathStopsStartUp() {
		this.runner.withPropertyValues("cognito.login.redirect-uri={baseScheme}://{baseHost}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CognitoConfigurationException.class)
				.hasMessageContaining("cognito.login.redirect-uri"));
	}

	@Test
	void clientSecretNeverAppearsInAStartUpFailure() {
		this.runner.withPropertyValues("cognito.client-secret=very-secret-value", "cognito.scopes=email")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("cognito.scopes")
				.satisfies((failure) -> assertThat(stackTrace(failure)).doesNotContain("very-secret-value")));
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter writer = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		InMemoryClientRegistrationRepository ownRegistrations() {
			return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("cognito")
				.clientId("own-client")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/cognito")
				.authorizationUri("https://auth.example.com/oauth2/authorize")
				.tokenUri("https://auth.example.com/oauth2/token")
				.jwkSetUri("https://auth.example.com/jwks")
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLogoutSuccessHandler {

		@Bean
		CognitoLogoutSuccessHandler ownLogoutSuccessHandler() {
			return new CognitoLogoutSuccessHandler(URI.create("https://auth.example.com/logout"), "own-client",
					"{baseUrl}/");
		}

	}

}
