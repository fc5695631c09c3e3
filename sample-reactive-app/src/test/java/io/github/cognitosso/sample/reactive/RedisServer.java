package io.github.cognitosso.sample.reactive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * Debian's {@code redis-server} ({@code -Dredis.server.binary=...} for another one),
 * started by the test on a free port of 127.0.0.1 without persistence and stopped
 * afterwards; {@link #stop()} and {@link #start()} play an outage (the data is kept in a
 * snapshot taken at shutdown). Register it as a static extension, so that it runs before
 * the application reads its port.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private final int port = freePort();

	private Process process;

	private Path directory;

	int port() {
		return this.port;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		shutdown("SHUTDOWN NOSAVE");
		if (this.directory != null) {
			FileSystemUtils.deleteRecursively(this.directory.toFile());
			this.directory = null;
		}
	}

	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		String binary = System.getProperty("redis.server.binary", "/usr/bin/redis-server");
		try {
			if (this.directory == null) {
				this.directory = Files.createTempDirectory("redis-server");
			}
			this.process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + binary, ex);
		}
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::answersPing);
	}

	/** Stops the server, keeping its data for {@link #start()}. */
	void stop() {
		shutdown("SHUTDOWN SAVE");
	}

	private synchronized void shutdown(String command) {
		if (this.process == null) {
			return;
		}
		try {
			command(command);
		}
		catch (UncheckedIOException ex) {
			// SHUTDOWN closes the connection without an answer.
		}
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/** Sends one inline command and returns the first line of the answer. */
	String command(String inline) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean answersPing() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("redis-server exited with " + this.process.exitValue());
		}
		try {
			return "+PONG".equals(command("PING"));
		}
		catch (UncheckedIOException ex) {
			return false;
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

}
