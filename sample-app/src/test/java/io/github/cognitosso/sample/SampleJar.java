package io.github.cognitosso.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged sample started the way README.md says,
 * {@code java -jar cognito-sso-sample-app-*.jar}, as a separate process without any
 * {@code COGNITO_*} variable of the machine: only the arguments and variables a test
 * gives.
 */
final class SampleJar implements AutoCloseable {

	private final Process process;

	private final int port;

	private final List<String> output = new ArrayList<>();

	private SampleJar(Process process, int port) {
		this.process = process;
		this.port = port;
		Thread reader = new Thread(this::readOutput, "sample-output-" + port);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the jar on a free port of 127.0.0.1 and waits until it answers.
	 */
	static SampleJar start(Map<String, String> environment, String... arguments) {
		return start(reservePort(), environment, arguments);
	}

	/**
	 * Starts the jar on the given port of 127.0.0.1 (see {@link #reservePort()}) and
	 * waits until it answers.
	 */
	static SampleJar start(int port, Map<String, String> environment, String... arguments) {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
						"--server.address=127.0.0.1"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("COGNITO_"));
		builder.environment().remove("SPRING_APPLICATION_JSON");
		builder.environment().putAll(environment);
		try {
			SampleJar sample = new SampleJar(builder.start(), port);
			sample.awaitReady();
			return sample;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return {@code http://localhost:<port>}, the address a user opens
	 */
	String url() {
		return "http://localhost:" + this.port;
	}

	int port() {
		return this.port;
	}

	/**
	 * @return everything the process printed so far
	 */
	String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				// Not listening yet (a ConnectException is an IOException too).
				pause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		fail("The packaged sample did not answer on port %d. Output:%n%s", this.port, output());
	}

	private void pause() {
		try {
			this.process.waitFor(250, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readOutput() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				synchronized (this.output) {
					this.output.add(line);
				}
			}
		}
		catch (IOException ex) {
			synchronized (this.output) {
				this.output.add("(output reader stopped: " + ex + ")");
			}
		}
	}

	/**
	 * @return a port that was free a moment ago, for a test that must know it before the
	 * sample starts
	 */
	static int reservePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
