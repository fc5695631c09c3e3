package io.github.cognitosso.sample.reactive;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged reactive sample in Spring's AOT mode: the build runs {@code process-aot}
 * before {@code repackage}, and {@code java -Dspring.aot.enabled=true -jar} starts it on
 * the generated bean definitions instead of the configuration classes. One browser walk
 * (sign-in, a page for the admin group, sign-out, the API, machine to machine, health and
 * the scrape) shows that the starter's WebFlux beans work there as they do without AOT.
 * <p>
 * The flag reaches the JVM through {@code JAVA_TOOL_OPTIONS}, so the jar starts exactly
 * as {@link PackagedJar} starts it otherwise.
 */
class PackagedReactiveSampleAotIT {

	private static Chromium browser;

	@RegisterExtension
	final TestWatcher failures = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			browser.savePage(Path.of("target", "failed-pages"), "aot-" + context.getDisplayName());
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
	void inAotModeTheReactiveSampleSignsPeopleInAndAnswersItsApi() {
		try (PackagedJar sample = PackagedJar.start(Map.of("JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=true"))) {
			assertThat(sample.output()).contains("AOT-processed")
				.contains("running against the local Cognito simulator")
				.contains("Netty started");
			String app = sample.url();

			browser.open(app + "/me");
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("alice", "alice-password");
			browser.waitForUrl(app + "/me");
			assertThat(browser.text("username")).isEqualTo("alice");
			assertThat(browser.text("groups")).isEqualTo("admin");
			browser.open(app + "/admin");
			assertThat(browser.text("admin")).contains("alice");
			browser.open(app + "/me");
			browser.click("signout-button");
			browser.waitForUrl(app + "/");
			assertThat(browser.text("greeting")).contains("You are not signed in.");
			browser.open(app + "/me");
			browser.waitFor(By.id("signin-button"));

			HttpResponse<String> api = sample.get("/api/hello", "Accept", "application/json");
			assertThat(api.statusCode()).isEqualTo(401);
			browser.open(app + "/m2m");
			assertThat(browser.text("m2m-result")).contains("\"machine\":true").contains("client:sample-machine");
			HttpResponse<String> health = sample.get("/actuator/health", "Accept", "application/json");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			HttpResponse<String> info = sample.get("/actuator/info", "Accept", "application/json");
			assertThat(info.body()).contains("\"bearerTokens\":true").contains("\"clientCredentials\":[\"default\"]");
		}
	}

}
