package io.github.cognitosso.usage.signin;

import java.util.concurrent.atomic.AtomicReference;

import io.github.cognitosso.sample.HeadlessChromium;
import io.github.cognitosso.test.CognitoSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development run of docs/local-development.md: {@code TestTeamApplication.main}, as
 * {@code mvn spring-boot:test-run} starts it, runs the user's application on the
 * simulator, and a browser signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
class TestTeamApplicationTests {

	private static final AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();

	@Test
	void theDevelopmentMainRunsTheApplicationOnTheSimulator(CapturedOutput output) {
		// spring.main.sources only hands the running context to this test so it can stop
		// it afterwards.
		TestTeamApplication.main(new String[] { "--server.port=0", "--server.address=127.0.0.1",
				"--spring.main.sources=" + Started.class.getName() });
		try (ConfigurableApplicationContext context = started.get()) {
			CognitoSimulator simulator = context.getBean(CognitoSimulator.class);
			assertThat(output).contains("running against the local Cognito simulator at " + simulator.baseUrl());
			String app = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			try (HeadlessChromium browser = new HeadlessChromium()) {
				browser.open(app + "/team");
				browser.signInAtCognito("bob", "bob-password");
				browser.waitForUrl(app + "/team");
				assertThat(browser.text("member")).isEqualTo("bob");
			}
		}
	}

	static class Started implements ApplicationListener<ApplicationStartedEvent> {

		@Override
		public void onApplicationEvent(ApplicationStartedEvent event) {
			started.set(event.getApplicationContext());
		}

	}

}
