package io.github.cognitosso.autoconfigure.servlet.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application that injects the machine-to-machine beans without configuring
 * {@code cognito.client-credentials} fails to start with a report that names the
 * properties to set, as a user sees it in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class CognitoClientCredentialsFailureAnalyzerTests {

	@Test
	void missingCognitoRestClientNamesTheClientCredentialsProperties(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(OrdersApplication.class));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The bean 'cognitoRestClient' (a RestClient that sends a Cognito machine-to-machine access "
					+ "token) is missing (required by " + OrdersClient.class.getName() + ")")
			.contains("Set cognito.client-credentials.client-id and cognito.client-credentials.client-secret")
			.doesNotContain("Consider defining a bean");
	}

	@Test
	void missingCognitoClientCredentialsNamesTheClientCredentialsProperties(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(BillingApplication.class));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The bean CognitoClientCredentials (Cognito machine-to-machine access tokens) is missing "
					+ "(required by " + BillingClient.class.getName() + ")")
			.contains("Set cognito.client-credentials.client-id and cognito.client-credentials.client-secret");
	}

	private static void start(Class<?> application) {
		new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
					"spring.main.banner-mode=off")
			.run()
			.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OrdersClient.class)
	static class OrdersApplication {

	}

	@Service
	static class OrdersClient {

		OrdersClient(@Qualifier("cognitoRestClient") RestClient orders) {
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BillingClient.class)
	static class BillingApplication {

	}

	@Service
	static class BillingClient {

		BillingClient(CognitoClientCredentials m2m) {
		}

	}

}
