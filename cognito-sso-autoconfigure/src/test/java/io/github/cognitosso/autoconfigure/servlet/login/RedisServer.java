package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
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
 * started by the test itself on a free port of 127.0.0.1 without persistence, and stopped
 * afterwards. A test may stop it and start it again on the same port to play an outage:
 * {@link #stop()} keeps the data for the restart (a snapshot taken at shutdown, as a
 * Redis that persists its data would), the end of the tests drops it. Register it as a
 * static extension: it starts before the application reads its port. Public for the
 * reactive login's tests.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private final int port = freePort();

	private Process process;

	private Path directory;

	/**
	 * @return the port, known before the server starts
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		shutdown("SHUTDOWN NOSAVE");
		if (this.directory != null) {
			FileSystemUtils.deleteRecursively(this.directory);
			this.directory = null;
		}
	}

	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		String binary = System.getProperty("redis.server.binary", "/usr/bin/redis-server");
		try {
			if (this.directory == null) {
				this.directory = Files.createTempDirectory("redis-server");
			}
			List<String> command = List.of(binary, "--port", String.valueOf(this.port), "--bind", "127.0.0.1", "--save",
					"", "--appendonly", "no", "--dir", this.directory.toString());
			this.process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + binary, ex);
		}
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::answersPing);
	}

	/**
	 * Stops the server, keeping its data for {@link #start()}, and waits until it has
	 * exited.
	 */
	public void stop() {
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

	/**
	 * Sends one inline command and returns the first line of the answer.
	 */
	public String command(String inline) {
		return send(inline, false);
	}

	/**
	 * Sends one inline command whose answer is a bulk string.
	 * @return the string, or {@code null} for a nil answer
	 */
	public String bulk(String inline) {
		return send(inline, true);
	}

	private String send(String inline, boolean bulk) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String line = readLine(in);
			if (!bulk) {
				return line;
			}
			int length = Integer.parseInt(line.substring(1));
			return (length < 0) ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
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
