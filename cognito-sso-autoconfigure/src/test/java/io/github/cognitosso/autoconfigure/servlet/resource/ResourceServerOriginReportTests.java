package io.github.cognitosso.autoconfigure.servlet.resource;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
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
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with its own {@link JwtDecoder} still gets the start-up report for a bad
 * {@code cognito.resource-server.*} value, with the file and line it came from.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResourceServerOriginReportTests {

	@Test
	void badValueIsReportedWithItsOriginWhenTheApplicationDefinesItsOwnDecoder(CapturedOutput output) {
		SpringApplication application = new SpringApplication(OwnDecoderApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> application
			.run("--spring.config.location=classpath:origin/resource-server-zero-max-token-size.yml"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    Property: cognito.resource-server.max-token-size\n    Value: \"0B\"\n"
					+ "    Origin: class path resource [origin/resource-server-zero-max-token-size.yml] - 5:21\n"
					+ "    Reason: the limit must be positive.");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CognitoAutoConfiguration.class, CognitoResourceServerAutoConfiguration.class })
	static class OwnDecoderApplication {

		@Bean
		JwtDecoder ownDecoder() {
			return (token) -> {
				throw new BadJwtException("never");
			};
		}

	}

}
