package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Clock;
import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.web.client.RestClient;

/**
 * Machine-to-machine calls with the client credentials grant
 * ({@code cognito.client-credentials.*}): the {@link CognitoClientCredentials} bean and,
 * for the default client, a pre-built {@code cognitoRestClient}.
 * <p>
 * Works in any application, web or not, and defines no Spring Security OAuth2 client
 * beans (registration repository, authorized client manager or service): the
 * browser-login ones stay the application's and Spring Boot's.
 */
@AutoConfiguration(after = CognitoAutoConfiguration.class)
@ConditionalOnCognito
@ConditionalOnCognitoClientCredentials
@ConditionalOnClass({ RestClient.class, ClientCredentialsOAuth2AuthorizedClientProvider.class })
@EnableConfigurationProperties(CognitoClientCredentialsProperties.class)
public final class CognitoClientCredentialsAutoConfiguration {

	/** Name of the pre-built {@link RestClient} of the default client. */
	public static final String REST_CLIENT_BEAN_NAME = "cognitoRestClient";

	/**
	 * Checks {@code cognito.client-credentials.*} when it is bound, also when the
	 * application defines its own {@link CognitoClientCredentials}: not replaceable, and
	 * static so that it is ready before the settings are bound.
	 */
	@Bean
	static CognitoClientCredentialsValidationPostProcessor cognitoClientCredentialsValidationPostProcessor(
			ObjectProvider<CognitoProperties> properties, ObjectProvider<CognitoEndpoints> endpoints,
			Environment environment, ResourceLoader resourceLoader) {
		return new CognitoClientCredentialsValidationPostProcessor(properties, endpoints, environment,
				resourceLoader.getClassLoader());
	}

	/** The settings are already checked when this runs. */
	@Bean
	@ConditionalOnMissingBean
	public CognitoClientCredentials cognitoClientCredentials(CognitoProperties properties,
			CognitoClientCredentialsProperties clientCredentialsProperties, CognitoEndpoints endpoints,
			ObjectProvider<Clock> clock, ObjectProvider<RestClient.Builder> restClientBuilder, Environment environment,
			ObjectProvider<CognitoInstrumentation> instrumentation) {
		List<ClientCredentialsSettings> clients = ClientCredentialsSettingsResolver.resolve(properties,
				clientCredentialsProperties, endpoints);
		CognitoClientCredentials clientCredentials = new CognitoClientCredentials(clients,
				clock.getIfUnique(Clock::systemUTC), () -> restClientBuilder.getIfAvailable(RestClient::builder),
				environment::resolveRequiredPlaceholders);
		instrumentation.ifUnique(clientCredentials::instrument);
		return clientCredentials;
	}

	/**
	 * Not a default candidate: it sends a machine token on every call, so it must never
	 * be injected by accident where the application wanted a plain {@code RestClient}.
	 * Inject it with {@code @Qualifier("cognitoRestClient")}.
	 */
	@Bean(name = REST_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REST_CLIENT_BEAN_NAME)
	@Conditional(OnCognitoClientCredentialsCondition.OnDefaultClient.class)
	public RestClient cognitoRestClient(CognitoClientCredentials clientCredentials) {
		return clientCredentials.restClient(CognitoClientCredentials.DEFAULT_CLIENT);
	}

}
