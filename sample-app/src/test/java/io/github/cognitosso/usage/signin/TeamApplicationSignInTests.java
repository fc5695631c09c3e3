package io.github.cognitosso.usage.signin;

import io.github.cognitosso.sample.HeadlessChromium;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose own configuration (here application.yml and an
 * application-placeholders.yml profile file) sets {@code cognito.*} to empty
 * {@code ${COGNITO_...:}} placeholders: {@code @EnableCognitoSimulator} still wins, and a
 * user signs in on the test's random port without registering it by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("placeholders")
@EnableCognitoSimulator
class TeamApplicationSignInTests {

	private static HeadlessChromium browser;

	@Autowired
	private CognitoSimulator cognito;

	@Autowired
	private Environment environment;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		browser = new HeadlessChromium();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void simulatorPropertiesWinOverEmptyPlaceholdersOfTheApplicationsOwnFiles() {
		assertThat(this.environment.getProperty("cognito.user-pool-id")).isEqualTo(this.cognito.userPoolId());
		assertThat(this.environment.getProperty("cognito.domain")).isEqualTo(this.cognito.baseUrl());
		assertThat(this.environment.getProperty("cognito.client-id")).isEqualTo("demo-client");
	}

	@Test
	void aUserSignsInOnTheTestsRandomPort() {
		String app = "http://localhost:" + this.port;
		browser.open(app + "/team");
		assertThat(browser.currentUrl()).startsWith(this.cognito.baseUrl() + "/oauth2/authorize");
		browser.signInAtCognito("alice", "alice-password");
		browser.waitForUrl(app + "/team");
		assertThat(browser.text("member")).isEqualTo("alice");
	}

}
