package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoWebSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several gateway instances behind a load balancer given the same
 * {@code cognito.gateway.assertion.key-location}: each one's key set verifies the
 * assertions of the others.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedAssertionKeyTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class, CognitoLoginAutoConfiguration.class,
				CognitoGatewayAutoConfiguration.class, CognitoWebSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
				"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.resource-server.enabled=false",
				"cognito.gateway.assertion.enabled=true");

	@TempDir
	Path directory;

	@Test
	void twoGatewaysWithTheSameKeyVerifyEachOthersAssertions() {
		Path key = AssertionKeys.pkcs8(this.directory, "assertion-key.pem", AssertionKeys.keyPair("RSA", 2048));
		GatewayAssertionsTests.Caller alice = new GatewayAssertionsTests.Caller("sub-alice", "alice", List.of("admin"));
		AtomicReference<GatewayAssertions> first = new AtomicReference<>();
		AtomicReference<GatewayAssertions> second = new AtomicReference<>();
		WebApplicationContextRunner withKey = this.runner
			.withPropertyValues("cognito.gateway.assertion.key-location=file:" + key);

		withKey.run((context) -> first.set(context.getBean(GatewayAssertions.class)));
		withKey.run((context) -> second.set(context.getBean(GatewayAssertions.class)));

		assertThat(first.get().publicKeys()).isEqualTo(second.get().publicKeys());
		Jwt byFirst = verify(first.get().assertionOf(alice, "token", "https://gw", "gw"), second.get());
		Jwt bySecond = verify(second.get().assertionOf(alice, "token", "https://gw", "gw"), first.get());
		assertThat(byFirst.getClaimAsString("username")).isEqualTo("alice");
		assertThat(bySecond.getClaimAsString("username")).isEqualTo("alice");
	}

	@Test
	void withoutAKeyLocationTwoGatewaysPublishDifferentKeys() {
		AtomicReference<Object> first = new AtomicReference<>();
		AtomicReference<Object> second = new AtomicReference<>();

		this.runner.run((context) -> first.set(context.getBean(GatewayAssertions.class).publicKeys()));
		this.runner.run((context) -> second.set(context.getBean(GatewayAssertions.class).publicKeys()));

		assertThat(first.get()).isNotEqualTo(second.get());
	}

	@Test
	void missingKeyFileFailsTheStartUpWithThePropertyAndWhereItWasSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(GatewayTestApplication.class);

		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> application.run("--server.port=0",
				"--spring.config.additional-location=classpath:origin/gateway-missing-assertion-key.yml"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    Property: cognito.gateway.assertion.key-location\n"
					+ "    Value: \"classpath:origin/no-such-key.pem\"\n"
					+ "    Origin: class path resource [origin/gateway-missing-assertion-key.yml] - 7:21\n"
					+ "    Reason: there is no file at this location.");
	}

	private static Jwt verify(String assertion, GatewayAssertions keySetOf) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<>(GatewayAssertionsTests.parse(keySetOf.publicKeys())))
			.build();
		return decoder.decode(assertion);
	}

}
