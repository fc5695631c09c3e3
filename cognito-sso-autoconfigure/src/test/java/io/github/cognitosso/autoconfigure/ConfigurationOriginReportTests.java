package io.github.cognitosso.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The report a user reads when {@code cognito.*} cannot work names the file and line of
 * the bad value, as Spring Boot's own reports do. Each test starts a real
 * {@link SpringApplication} from a YAML file under {@code src/test/resources/origin}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationOriginReportTests {

	private static final String SECRET = "Sup3rS3cretClientSecretValue0123456789abcdefghijklm";

	@Test
	void badValueInAYamlFileIsReportedWithItsFileAndLine(CapturedOutput output) {
		failToStart("origin/bad-domain.yml");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    Property: cognito.domain\n    Value: \"My_App\"\n"
					+ "    Origin: class path resource [origin/bad-domain.yml] - 3:11\n"
					+ "    Reason: a Cognito domain prefix may contain only lowercase letters");
	}

	@Test
	void secretIsReportedByWhereItIsSetNeverByItsValue(CapturedOutput output) {
		failToStart("origin/secret-without-client-id.yml");
		assertThat(output)
			.contains("    Property: cognito.client-secret\n"
					+ "    Origin: class path resource [origin/secret-without-client-id.yml] - 4:18\n"
					+ "    Reason: a client secret is set but cognito.client-id is not")
			.doesNotContain(SECRET);
	}

	@Test
	void listWrittenElementByElementIsReportedFromItsFirstElement(CapturedOutput output) {
		failToStart("origin/offline-access-scope.yml");
		assertThat(output).contains("    Property: cognito.scopes\n    Value: \"openid,offline_access\"\n"
				+ "    Origin: class path resource [origin/offline-access-scope.yml] - 5:7\n");
	}

	private static void failToStart(String configuration) {
		SpringApplication application = new SpringApplication(PoolOnlyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> application.run("--spring.config.location=classpath:" + configuration));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CognitoAutoConfiguration.class)
	static class PoolOnlyApplication {

	}

}
