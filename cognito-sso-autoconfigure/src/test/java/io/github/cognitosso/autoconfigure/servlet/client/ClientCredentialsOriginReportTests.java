package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with its own {@link CognitoClientCredentials} bean still gets the
 * start-up report for a bad {@code cognito.client-credentials.*} value, with the file and
 * line it came from and without the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientCredentialsOriginReportTests {

	@Test
	void badValueIsReportedWithItsOriginWhenTheApplicationDefinesItsOwnClients(CapturedOutput output) {
		SpringApplication application = new SpringApplication(OwnClientsApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(
				() -> application.run("--spring.config.location=classpath:origin/client-credentials-zero-timeout.yml"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    Property: cognito.client-credentials.token-read-timeout\n    Value: \"PT0S\"\n"
					+ "    Origin: class path resource [origin/client-credentials-zero-timeout.yml] - 7:25\n"
					+ "    Reason: a timeout must be longer than zero.")
			.doesNotContain("Sup3rS3cretClientSecretValue");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CognitoAutoConfiguration.class, CognitoClientCredentialsAutoConfiguration.class })
	static class OwnClientsApplication {

		@Bean
		CognitoClientCredentials cognitoClientCredentials() {
			return new CognitoClientCredentials(
					List.of(new ClientCredentialsSettings("default", "cognito.client-credentials.", "own", "own-secret",
							List.of(), ClientAuthenticationMethod.CLIENT_SECRET_POST, Duration.ZERO,
							Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
							URI.create("http://localhost:9229/oauth2/token"), null, List.of())),
					Clock.systemUTC(), RestClient::builder);
		}

	}

}
