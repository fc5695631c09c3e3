package io.github.cognitosso.gateway;

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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged gateway started as README.md says,
 * {@code java -jar cognito-sso-gateway-*.jar}, in a process of its own that sees no
 * {@code COGNITO_*} variable of the machine, only the arguments a test gives.
 */
final class GatewayJar implements AutoCloseable {

	private final Process process;

	private final int port;

	private final List<String> output = new ArrayList<>();

	private GatewayJar(Process process, int port) {
		this.process = process;
		this.port = port;
		Thread reader = new Thread(this::readOutput, "gateway-output-" + port);
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the jar on a free port of 127.0.0.1 and waits until it answers. */
	static GatewayJar start(String... arguments) {
		int port = freePort();
		Path jar = Path.of(System.getProperty("gateway.jar"));
		assertThat(jar).exists();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
						"--server.address=127.0.0.1"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("COGNITO_"));
		builder.environment().remove("SPRING_APPLICATION_JSON");
		try {
			GatewayJar gateway = new GatewayJar(builder.start(), port);
			gateway.awaitReady();
			return gateway;
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

	String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try {
				client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/error")).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				// Not listening yet.
				waitForExit(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		close();
		fail("The packaged gateway did not answer on port %d. Output:%n%s", this.port, output());
	}

	private void waitForExit(long millis) {
		try {
			this.process.waitFor(millis, TimeUnit.MILLISECONDS);
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
