package io.github.cognitosso.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application (every auto-configuration on the classpath, web server included)
 * starts with Cognito pointed at a loopback server that would answer anything, and that
 * server sees no request: discovery and JWKS are never fetched at start-up, so an
 * unreachable Cognito cannot stop an application from booting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "cognito.user-pool-id=us-east-2_mLoGHJpOs",
				"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.client-secret=test-secret" })
class StartupMakesNoNetworkCallTests {

	private static final WireMockServer cognito = new WireMockServer(
			wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	static {
		cognito.start();
	}

	@DynamicPropertySource
	static void cognitoOnLoopback(DynamicPropertyRegistry registry) {
		registry.add("cognito.issuer-uri", () -> cognito.baseUrl() + "/us-east-2_mLoGHJpOs");
		registry.add("cognito.domain", cognito::baseUrl);
	}

	@AfterAll
	static void stop() {
		cognito.stop();
	}

	@Autowired
	private CognitoEndpoints endpoints;

	@Test
	void contextStartsWithoutContactingCognito() {
		assertThat(this.endpoints.jwkSet())
			.hasToString(cognito.baseUrl() + "/us-east-2_mLoGHJpOs/.well-known/jwks.json");
		assertThat(this.endpoints.token())
			.hasValueSatisfying((uri) -> assertThat(uri.toString()).startsWith(cognito.baseUrl()));
		assertThat(cognito.getAllServeEvents()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
