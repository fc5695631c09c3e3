package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoClientCredentialsAutoConfigurationTests {

	private static final String SECRET = "s3cr3t-never-shown-1234567890abcdefghijklmnopqrstuv";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(CognitoAutoConfiguration.class, CognitoClientCredentialsAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app");

	private final String[] m2m = { "cognito.client-credentials.client-id=m2m",
			"cognito.client-credentials.client-secret=" + SECRET, "cognito.client-credentials.scopes=orders-api/read" };

	@Test
	void withoutClientCredentialsSettingsNothingIsDefined() {
		this.runner.withPropertyValues("cognito.client-id=web", "cognito.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CognitoClientCredentials.class)
				.doesNotHaveBean("cognitoRestClient"));
	}

	@Test
	void tokenOriginsAloneDoNotSwitchMachineClientsOn() {
		this.runner.withPropertyValues("cognito.client-credentials.token-origins=http://127.0.0.1:${local.server.port}")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoClientCredentials.class));
	}

	@Test
	void disabledClientCredentialsDefineNothing() {
		this.runner.withPropertyValues(this.m2m)
			.withPropertyValues("cognito.client-credentials.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoClientCredentials.class));
	}

	@Test
	void withoutCognitoNothingIsDefined() {
		this.runner.withPropertyValues(this.m2m)
			.withPropertyValues("cognito.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoClientCredentials.class));
	}

	@Test
	void configuredClientGivesTheClientsBeanAndThePreBuiltRestClient() {
		this.runner.withPropertyValues(this.m2m).run((context) -> {
			assertThat(context).hasSingleBean(CognitoClientCredentials.class).hasBean("cognitoRestClient");
			assertThat(context.getBean(CognitoClientCredentials.class).clientNames()).containsExactly("default");
			assertThat(context.getBean("cognitoRestClient"))
				.isSameAs(context.getBean(CognitoClientCredentials.class).restClient("default"));
		});
	}

	@Test
	void preBuiltRestClientIsNeverInjectedByTypeByAccident() {
		this.runner.withPropertyValues(this.m2m).withUserConfiguration(PlainRestClientUser.class).run((context) -> {
			assertThat(context).hasNotFailed();
			PlainRestClientUser user = context.getBean(PlainRestClientUser.class);
			assertThat(user.injected).isSameAs(user.plain);
			assertThat(context.getBean(RestClient.class)).isSameAs(user.plain);
		});
	}

	@Test
	void preBuiltRestClientIsInjectedWithItsQualifier() {
		this.runner.withPropertyValues(this.m2m).withUserConfiguration(QualifiedUser.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(QualifiedUser.class).restClient).isSameAs(context.getBean("cognitoRestClient"));
		});
	}

	@Test
	void onlyNamedClientsGiveNoPreBuiltRestClient() {
		this.runner
			.withPropertyValues("cognito.client-credentials.clients.orders.client-id=m2m",
					"cognito.client-credentials.clients.orders.client-secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("cognitoRestClient");
				assertThat(context.getBean(CognitoClientCredentials.class).clientNames()).containsExactly("orders");
			});
	}

	@Test
	void definesNoSpringSecurityClientBeansThatBrowserLoginCouldMeet() {
		this.runner.withPropertyValues(this.m2m)
			.run((context) -> assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2AuthorizedClientService.class));
	}

	@Test
	void leavesTheApplicationsOwnClientBeansAlone() {
		this.runner.withPropertyValues(this.m2m).withUserConfiguration(LoginClientBeans.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CognitoClientCredentials.class);
			assertThat(context.getBean(ClientRegistrationRepository.class).findByRegistrationId("default")).isNull();
			assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class);
		});
	}

	@Test
	void applicationCanReplaceTheClientsBean() {
		this.runner.withPropertyValues(this.m2m).withUserConfiguration(OwnClients.class).run((context) -> {
			assertThat(context).hasSingleBean(CognitoClientCredentials.class);
			assertThat(context.getBean(CognitoClientCredentials.class))
				.isSameAs(context.getBean(OwnClients.class).clients);
		});
	}

	@Test
	void applicationsOwnClientsBeanStillHasTheSettingsChecked() {
		this.runner.withUserConfiguration(OwnClients.class)
			.withPropertyValues("cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.scopes=orders-api/read",
					"cognito.client-credentials.token-read-timeout=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("Property: cognito.client-credentials.token-read-timeout")
					.contains("a timeout must be longer than zero");
				assertThat(analysis.getAction()).contains("Use a positive duration");
			});
	}

	@Test
	void applicationsOwnClientsBeanStillNeedsATokenEndpoint() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoClientCredentialsAutoConfiguration.class))
			.withUserConfiguration(OwnClients.class)
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs")
			.withPropertyValues(this.m2m)
			.run((context) -> {
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: cognito.domain").contains("token endpoint");
			});
	}

	@Test
	void backsOffWithoutSpringSecurityOAuth2Client() {
		this.runner.withPropertyValues(this.m2m)
			.withClassLoader(new FilteredClassLoader(ClientCredentialsOAuth2AuthorizedClientProvider.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoClientCredentials.class));
	}

	@Test
	void clientWithoutSecretStopsStartupWithAReportNamingTheProperty() {
		this.runner
			.withPropertyValues("cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.scopes=orders-api/read")
			.run((context) -> {
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: cognito.client-credentials.client-secret")
					.contains("confidential app clients");
				assertThat(analysis.getAction()).contains("Set cognito.client-credentials.client-secret");
			});
	}

	@Test
	void builtInScopesStopStartupWithAReportNamingTheScopes() {
		this.runner.withPropertyValues("cognito.client-credentials.client-id=m2m",
				"cognito.client-credentials.client-secret=" + SECRET, "cognito.client-credentials.scopes=openid,email")
			.run((context) -> {
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: cognito.client-credentials.scopes")
					.contains("Value: \"openid,email\"")
					.contains("built-in Cognito scope");
				assertThat(analysis.getAction()).contains("custom scopes");
			});
	}

	@Test
	void missingDomainStopsStartupWithAReportNamingTheDomain() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoClientCredentialsAutoConfiguration.class))
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs")
			.withPropertyValues(this.m2m)
			.run((context) -> {
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: cognito.domain").contains("token endpoint");
				assertThat(analysis.getAction()).contains("Set cognito.domain");
			});
	}

	@Test
	void missingJsonLibraryStopsStartupWithAReportSayingWhichDependencyToAdd() {
		this.runner.withPropertyValues(this.m2m)
			.withClassLoader(new FilteredClassLoader("tools.jackson", "com.fasterxml.jackson", "com.google.gson",
					"jakarta.json.bind"))
			.run((context) -> {
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("JSON library");
				assertThat(analysis.getAction()).contains("spring-boot-starter-jackson");
			});
	}

	@Test
	void startupReportNeverShowsTheSecret() {
		this.runner
			.withPropertyValues("cognito.client-id=web", "cognito.client-secret=" + SECRET,
					"cognito.login.enabled=true", "cognito.client-credentials.scopes=orders-api/read")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analysisOf(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("authorization code grant").doesNotContain(SECRET);
				assertThat(analysis.getAction()).doesNotContain(SECRET);
			});
	}

	private static FailureAnalysis analysisOf(Throwable failure) {
		assertThat(failure).isNotNull().hasRootCauseInstanceOf(CognitoConfigurationException.class);
		return StartupFailures.analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainRestClientUser {

		final RestClient plain = RestClient.create();

		RestClient injected;

		@Bean
		RestClient plainRestClient() {
			return this.plain;
		}

		@Bean
		String consumer(RestClient restClient) {
			this.injected = restClient;
			return "consumer";
		}

	}

	static class QualifiedUser {

		final RestClient restClient;

		QualifiedUser(@Qualifier("cognitoRestClient") RestClient restClient) {
			this.restClient = restClient;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LoginClientBeans {

		@Bean
		ClientRegistrationRepository clientRegistrationRepository() {
			return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("cognito")
				.clientId("web")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize")
				.tokenUri("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/token")
				.build());
		}

		@Bean
		OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations) {
			return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
					new InMemoryOAuth2AuthorizedClientService(registrations));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClients {

		final CognitoClientCredentials clients = new CognitoClientCredentials(
				List.of(new ClientCredentialsSettings("default", "cognito.client-credentials.", "own", SECRET,
						List.of(), ClientAuthenticationMethod.CLIENT_SECRET_POST, Duration.ZERO, Duration.ofSeconds(1),
						Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
						URI.create("http://localhost:9229/oauth2/token"), null, List.of())),
				Clock.systemUTC(), RestClient::builder);

		@Bean
		CognitoClientCredentials cognitoClientCredentials() {
			return this.clients;
		}

	}

}
