package io.github.cognitosso.sample.reactive;

import java.net.http.HttpResponse;
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
 * The packaged reactive sample, started the way README.md says ({@code java -jar}, a
 * separate process, no {@code COGNITO_*} variables, no test annotations), walked in
 * headless Chromium.
 */
class PackagedReactiveSampleApplicationIT {

	private static Chromium browser;

	@RegisterExtension
	final TestWatcher failures = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			browser.savePage(Path.of("target", "failed-pages"), context.getDisplayName());
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
	void withoutConfigurationTheReactiveSampleRunsOnTheSimulatorAndSignsPeopleIn() {
		try (PackagedJar sample = PackagedJar.start()) {
			assertThat(sample.output()).contains("running against the local Cognito simulator")
				.contains("Sign in as alice / alice-password (group admin) or bob / bob-password (no group)")
				.contains("Netty started");
			String app = sample.url();

			browser.open(app + "/");
			assertThat(browser.text("greeting")).contains("You are not signed in.");
			browser.click("signin");
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("alice", "alice-password");
			browser.waitForUrl(app + "/me");
			assertThat(browser.text("username")).isEqualTo("alice");
			assertThat(browser.text("groups")).isEqualTo("admin");

			browser.open(app + "/admin");
			assertThat(browser.text("admin")).contains("alice");

			browser.click("signout-button");
			browser.waitForUrl(app + "/");
			assertThat(browser.text("greeting")).contains("You are not signed in.");

			// No silent sign-in: the Cognito session ended too, so the sign-in form
			// comes back.
			browser.open(app + "/");
			browser.click("signin");
			browser.waitFor(By.id("signin-button"));
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("bob", "bob-password");
			browser.waitForUrl(app + "/me");
			assertThat(browser.text("username")).isEqualTo("bob");

			browser.open(app + "/admin");
			assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Access denied");

			HttpResponse<String> api = sample.get("/api/hello", "Accept", "application/json");
			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(api.body()).contains("\"status\":401").contains("\"error\":\"unauthorized\"");

			browser.open(app + "/m2m");
			assertThat(browser.text("m2m-result")).contains("\"machine\":true").contains("client:sample-machine");

			browser.open(app + "/me");
			browser.click("signout-button");
			browser.waitForUrl(app + "/");
		}
	}

}
