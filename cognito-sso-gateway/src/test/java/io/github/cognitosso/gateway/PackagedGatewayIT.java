package io.github.cognitosso.gateway;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged gateway, started the way README.md says ({@code java -jar}, a separate
 * process, no {@code COGNITO_*} variables: the local Cognito simulator), walked in
 * headless Chromium.
 */
class PackagedGatewayIT {

	private static Chromium browser;

	@RegisterExtension
	final TestWatcher failures = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			browser.savePage(Path.of("target", "pages"), context.getDisplayName());
		}
	};

	@BeforeAll
	static void startBrowser() {
		browser = new Chromium();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aliceSignsInAtTheGatewayAndTheUpstreamSeesHerBobIsRefusedTheAdminRouteSignOutEndsCognitosSession() {
		try (HeaderEchoUpstream upstream = new HeaderEchoUpstream();
				GatewayJar gateway = GatewayJar.start("--cognito.gateway.upstream-uri=" + upstream.uri())) {
			assertThat(gateway.output()).contains("running against the local Cognito simulator")
				.contains("Proxying to the upstream " + upstream.uri());
			String app = gateway.url();

			browser.open(app + "/hello");
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("alice", "alice-password");
			browser.waitForUrl(app + "/hello");
			assertThat(browser.text("path")).isEqualTo("/hello");
			assertThat(browser.text("header-x-cognito-username")).isEqualTo("alice");
			assertThat(browser.text("header-x-cognito-groups")).isEqualTo("admin");
			assertThat(browser.text("header-x-cognito-email")).isEqualTo("alice@example.com");
			assertThat(browser.text("header-authorization")).startsWith("Bearer ey");
			assertThat(browser.text("header-x-cognito-jwt-assertion")).startsWith("ey");
			assertThat(browser.driver().findElements(By.id("header-cookie"))).isEmpty();

			browser.open(app + "/admin/users");
			assertThat(browser.text("path")).isEqualTo("/admin/users");

			browser.open(app + "/.cognito-gateway/sign-out");
			browser.click("signout-button");
			// Cognito's session ended too: no silent sign-in, the form comes back.
			browser.waitFor(By.id("signin-button"));
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("bob", "bob-password");
			browser.waitForUrl(app + "/");
			assertThat(browser.text("header-x-cognito-username")).isEqualTo("bob");

			browser.open(app + "/admin/users");
			assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Access denied");
			assertThat(browser.driver().findElements(By.id("path"))).isEmpty();
		}
	}

	@Test
	void withoutConfigurationTheGatewayRunsOnTheSimulatorInFrontOfTheDemoUpstream() {
		try (GatewayJar gateway = GatewayJar.start()) {
			assertThat(gateway.output()).contains("running against the local Cognito simulator")
				.contains("proxying to the built-in demo upstream");
			String app = gateway.url();

			browser.open(app + "/");
			browser.signInAtCognito("alice", "alice-password");
			browser.waitForUrl(app + "/");
			assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Demo upstream");
			assertThat(browser.text("username")).isEqualTo("alice");
			assertThat(browser.text("groups")).isEqualTo("admin");

			browser.click("signout");
			browser.click("signout-button");
			browser.waitFor(By.id("signin-button"));
			assertThat(browser.showsCognitoSignInForm()).isTrue();
		}
	}

}
