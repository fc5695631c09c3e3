package io.github.cognitosso.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's headless Chromium) signs in to the sample through the
 * simulator's hosted UI, signs out, and meets the login form again: the Cognito session
 * really ended. Screenshots of failed steps go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class BrowserSignInE2ETests {

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(CognitoSimulator.builder()
		.user(SimulatedUser.of("alice", "alice-password", "admin"))
		.user(SimulatedUser.of("bob", "bob-password")));

	private static HeadlessChromium chromium;

	private static WebDriver browser;

	@RegisterExtension
	final TestWatcher screenshots = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			chromium.saveScreenshot(Path.of("target", "screenshots"), context.getDisplayName());
			chromium.savePageSource(Path.of("target", "screenshots"), context.getDisplayName());
		}
	};

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		CognitoSimulator simulator = cognito.simulator();
		simulator.addClient(SimulatedClient.confidential("sample-client", "sample-secret", List.of(), List.of()));
		simulator.properties("sample-client").forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeAll
	static void startBrowser() {
		chromium = new HeadlessChromium();
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void registerTheAppWithTheSimulator() {
		String base = "http://localhost:" + this.port;
		// Like a Cognito app client, the simulator redirects only to registered callback
		// and sign-out URLs.
		cognito.simulator()
			.addClient(SimulatedClient.confidential("sample-client", "sample-secret",
					List.of(base + "/login/oauth2/code/cognito"), List.of(base + "/")));
	}

	@Test
	void aliceSignsInSeesHerGroupsUsesAdminAndSignsOutOfCognitoToo() {
		String app = "http://localhost:" + this.port;
		browser.get(app + "/me");
		signIn("alice", "alice-password");
		waitFor(By.id("username"));
		assertThat(browser.findElement(By.id("username")).getText()).isEqualTo("alice");
		assertThat(browser.findElement(By.id("email")).getText()).isEqualTo("alice@example.com");
		assertThat(browser.findElement(By.id("groups")).getText()).isEqualTo("admin");

		browser.get(app + "/admin");
		assertThat(waitFor(By.id("admin")).getText()).contains("alice");

		browser.findElement(By.id("signout-button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(app + "/"));
		assertThat(waitFor(By.id("greeting")).getText()).contains("You are not signed in.");
		assertThat(cognito.simulator().activeSessions()).isZero();

		// No silent sign-in: the simulated Cognito asks for credentials again.
		browser.get(app + "/me");
		waitFor(By.id("signin"));
		assertThat(browser.getCurrentUrl()).startsWith(cognito.simulator().baseUrl() + "/oauth2/authorize");

		signIn("bob", "bob-password");
		assertThat(waitFor(By.id("username")).getText()).isEqualTo("bob");
		browser.get(app + "/admin");
		assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Access denied");
		assertThat(browser.findElements(By.id("admin"))).isEmpty();
		browser.get(app + "/me");
		waitFor(By.id("signout-button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(app + "/"));
	}

	private static void signIn(String username, String password) {
		waitFor(By.id("signin"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("signin-button")).click();
	}

	private static org.openqa.selenium.WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

}
