package io.github.cognitosso.benchmarks.load;

import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application under load, in its own JVM (same class path as this one, same heap
 * settings for every application) on 127.0.0.1 and a free port; stopped with SIGTERM,
 * then killed if it lingers.
 */
final class ApplicationProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	/** What {@code GET /api/hello} without a token answers once the application is up. */
	private final int readyStatus;

	private ApplicationProcess(Process process, int port, int readyStatus) {
		this.process = process;
		this.port = port;
		this.readyStatus = readyStatus;
	}

	/**
	 * Starts the application and waits until it answers.
	 * @param mainClass the Spring Boot application
	 * @param properties its settings, passed as {@code --name=value} arguments
	 * @param log where its output goes
	 */
	static ApplicationProcess start(Class<?> mainClass, Map<String, String> properties, Path log) {
		return start(mainClass, properties, log, 401);
	}

	/**
	 * Starts the application and waits until it answers.
	 * @param mainClass the Spring Boot application
	 * @param properties its settings, passed as {@code --name=value} arguments
	 * @param log where its output goes
	 * @param readyStatus what it answers to a request without a token once it is up (401
	 * when secured, 200 for the unsecured floor)
	 */
	static ApplicationProcess start(Class<?> mainClass, Map<String, String> properties, Path log, int readyStatus) {
		return start(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), properties, log,
				readyStatus);
	}

	/**
	 * Starts a packaged Spring Boot application ({@code java -jar}) and waits until it
	 * answers.
	 * @param jar the application's jar
	 * @param properties its settings, passed as {@code --name=value} arguments
	 * @param log where its output goes
	 */
	static ApplicationProcess startJar(Path jar, Map<String, String> properties, Path log) {
		return start(List.of("-jar", jar.toString()), properties, log, 401);
	}

	private static ApplicationProcess start(List<String> launch, Map<String, String> properties, Path log,
			int readyStatus) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms512m", "-Xmx512m"));
		command.addAll(launch);
		command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN"));
		// Extra JVM options for the applications, e.g.
		// -Dload.jvmArgs=-XX:StartFlightRecording=... to profile them.
		String extraJvmArgs = System.getProperty("load.jvmArgs", "").trim();
		if (!extraJvmArgs.isEmpty()) {
			command.addAll(1, List.of(extraJvmArgs.split("\\s+")));
		}
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ApplicationProcess application = new ApplicationProcess(process, port, readyStatus);
			application.awaitReady(log);
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Polls without a token (a 401 needs no key set) until the application answers what
	 * it should.
	 */
	private void awaitReady(Path log) {
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application stopped during start-up; see " + log);
			}
			try {
				if (get(null).statusCode() == this.readyStatus) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// Not listening yet.
			}
			pause(250);
		}
		close();
		throw new IllegalStateException("The application did not start within 120s; see " + log);
	}

	/**
	 * @return the CPU time the application's JVM has used so far (user and system, all
	 * threads): per request, it tells how much work a request costs, however busy the
	 * machine is with other work
	 */
	Duration cpuTime() {
		return this.process.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("The CPU time of the application is not available"));
	}

	/**
	 * @return the heap in use right after a full collection ({@code jcmd GC.run}, then
	 * {@code GC.heap_info}), in bytes: what the application keeps, such as a cache,
	 * without the garbage of the last requests
	 */
	long heapAfterFullGc() {
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		long kilobytes = 0;
		boolean found = false;
		// G1 prints one line for the heap; the serial and parallel collectors one per
		// generation.
		while (used.find()) {
			kilobytes += Long.parseLong(used.group(1));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
		}
		return kilobytes * 1024;
	}

	private String jcmd(String command) {
		List<String> jcmd = List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(this.process.pid()), command);
		try {
			Process process = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return url("/api/hello");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * @return the answer to {@code GET /api/hello} with the bearer token, or without one
	 * when null
	 */
	HttpResponse<String> get(String token) {
		return get("/api/hello", token);
	}

	/**
	 * @return the answer to {@code GET} of the path with the bearer token, or without one
	 * when null
	 */
	HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
