package io.github.cognitosso.sample.reactive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
 * The packaged reactive sample started the way README.md says,
 * {@code java -jar cognito-sso-sample-reactive-app-*.jar}, as a separate process, with no
 * {@code COGNITO_*} variable and no {@code SPRING_APPLICATION_JSON} of the machine.
 */
final class PackagedJar implements AutoCloseable {

	private final Process process;

	private final int port;

	private final List<String> lines = new ArrayList<>();

	private PackagedJar(Process process, int port) {
		this.process = process;
		this.port = port;
		Thread reader = new Thread(this::collectOutput, "reactive-sample-output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the jar on a free port of 127.0.0.1 and waits until it answers. */
	static PackagedJar start(String... arguments) {
		return start(Map.of(), arguments);
	}

	/**
	 * Starts the jar with extra environment variables (such as {@code JAVA_TOOL_OPTIONS}
	 * for JVM flags, so the command line stays the one README shows) on a free port of
	 * 127.0.0.1 and waits until it answers.
	 */
	static PackagedJar start(Map<String, String> environment, String... arguments) {
		return start(freePort(), environment, arguments);
	}

	/**
	 * Starts the jar on the given port of 127.0.0.1 ({@link #reservePort()}: known before
	 * the start, for the simulator's callback URLs) and waits until it answers.
	 */
	static PackagedJar start(int port, Map<String, String> environment, String... arguments) {
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
			PackagedJar sample = new PackagedJar(builder.start(), port);
			sample.awaitAnswer();
			return sample;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The address a user opens. */
	String url() {
		return "http://localhost:" + this.port;
	}

	String output() {
		synchronized (this.lines) {
			return String.join("\n", this.lines);
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

	private void awaitAnswer() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				// Not listening yet: wait for the process a little, then ask again.
				waitForProcess(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		fail("The packaged reactive sample did not answer on port %d. Output:%n%s", this.port, output());
	}

	private void waitForProcess(long millis) {
		try {
			this.process.waitFor(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void collectOutput() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				synchronized (this.lines) {
					this.lines.add(line);
				}
			}
		}
		catch (IOException ex) {
			// The process ended.
		}
	}

	/** A port of 127.0.0.1 that was free a moment ago. */
	static int reservePort() {
		return freePort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
