package io.github.cognitosso.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starts the packaged sample the way README.md says ({@code java -jar}), with no AWS settings, and reads its home
 * page: on a fresh machine it runs against the built-in Cognito simulator and prints how to sign in.
 */
class PackagedSampleApplicationIT {

	private static final Pattern BANNER = Pattern.compile("cognito-sso sample: http://localhost:(\\d+)/");

	private Process process;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	@Test
	void packagedSampleStartsAgainstTheSimulatorAndServesItsHomePage() throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0",
				"--server.address=127.0.0.1").redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("COGNITO_"));
		this.process = builder.start();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				in.lines().forEach(lines::add);
			}
			catch (Exception ex) {
				lines.add("reader stopped: " + ex);
			}
		}, "sample-output");
		reader.setDaemon(true);
		reader.start();

		StringBuilder output = new StringBuilder();
		int port = -1;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (port < 0 && System.nanoTime() < deadline && this.process.isAlive()) {
			String line = lines.poll(1, TimeUnit.SECONDS);
			if (line != null) {
				output.append(line).append('\n');
				Matcher banner = BANNER.matcher(line);
				if (banner.find()) {
					port = Integer.parseInt(banner.group(1));
				}
			}
		}
		if (port < 0) {
			reader.join(TimeUnit.SECONDS.toMillis(5));
			lines.forEach((line) -> output.append(line).append('\n'));
			fail("The sample did not print its URL. Output:%n%s", output);
		}
		String next = lines.poll(5, TimeUnit.SECONDS);
		StringBuilder banner = new StringBuilder();
		while (next != null && !next.isBlank()) {
			banner.append(next).append('\n');
			next = lines.poll(1, TimeUnit.SECONDS);
		}
		assertThat(banner).contains("Sign in as alice / alice-password (group admin) or bob / bob-password");

		HttpResponse<String> home = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<h1>cognito-sso sample</h1>").contains("You are not signed in.");
		assertThat(Files.size(jar)).isPositive();
	}

}
