package io.github.cognitosso.autoconfigure.reactive.client;

import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentialsAutoConfiguration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Machine-to-machine calls on {@link WebClient}: the
 * {@link CognitoReactiveClientCredentials} bean over the application's
 * {@link CognitoClientCredentials} and, for the default client, a pre-built
 * {@code cognitoWebClient}. Active wherever {@code WebClient} is on the classpath and the
 * clients are configured (a WebFlux application, or a Spring MVC one that calls out with
 * {@code WebClient}).
 */
@AutoConfiguration(after = CognitoClientCredentialsAutoConfiguration.class)
@ConditionalOnCognito
@ConditionalOnClass({ WebClient.class, Mono.class })
@ConditionalOnBean(CognitoClientCredentials.class)
public final class CognitoReactiveClientCredentialsAutoConfiguration {

	/** Name of the pre-built {@link WebClient} of the default client. */
	public static final String WEB_CLIENT_BEAN_NAME = "cognitoWebClient";

	@Bean
	@ConditionalOnMissingBean
	public CognitoReactiveClientCredentials cognitoReactiveClientCredentials(CognitoClientCredentials clients,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		return new CognitoReactiveClientCredentials(clients, webClientBuilder.getIfAvailable(WebClient::builder),
				Schedulers.boundedElastic());
	}

	/**
	 * Not a default candidate: it sends a machine token on every call, so it must never
	 * be injected by accident where the application wanted a plain {@code WebClient}.
	 * Inject it with {@code @Qualifier("cognitoWebClient")}. Exists when the default
	 * client does (as {@code cognitoRestClient} does).
	 */
	@Bean(name = WEB_CLIENT_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = WEB_CLIENT_BEAN_NAME)
	@ConditionalOnBean(name = CognitoClientCredentialsAutoConfiguration.REST_CLIENT_BEAN_NAME)
	public WebClient cognitoWebClient(CognitoReactiveClientCredentials clients) {
		return clients.webClient(CognitoClientCredentials.DEFAULT_CLIENT);
	}

}
