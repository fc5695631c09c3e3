package io.github.cognitosso.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives an application with Debian's {@code wrk}: a fixed number of connections, each
 * request carrying the next of the given bearer tokens in turn; a Lua {@code done} hook
 * prints the numbers in one parseable line.
 */
final class Wrk {

	private static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) "
			+ "non_2xx=(\\d+) socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

	private final Path script;

	private final int threads;

	private final int connections;

	/**
	 * @param tokens the bearer tokens, used in turn
	 * @param directory where the Lua script is written
	 */
	Wrk(List<String> tokens, Path directory, int threads, int connections) {
		this.threads = threads;
		this.connections = connections;
		this.script = directory.resolve("tokens.lua");
		StringBuilder lua = new StringBuilder("local tokens = {\n");
		for (String token : tokens) {
			lua.append("  \"").append(token).append("\",\n");
		}
		lua.append("}\n")
			.append("local requests = {}\n")
			.append("local current = 0\n")
			.append("init = function(args)\n")
			.append("  for i, token in ipairs(tokens) do\n")
			.append("    requests[i] = wrk.format(\"GET\", \"/api/hello\", { [\"Authorization\"] = \"Bearer \" .. token })\n")
			.append("  end\n")
			.append("end\n")
			.append("request = function()\n")
			.append("  current = current % #requests + 1\n")
			.append("  return requests[current]\n")
			.append("end\n")
			.append("done = function(summary, latency, requests)\n")
			.append("  local e = summary.errors\n")
			.append("  io.write(string.format(\"RESULT requests=%d duration_us=%d non_2xx=%d socket_errors=%d "
					+ "p50_us=%d p99_us=%d\\n\", summary.requests, summary.duration, e.status, "
					+ "e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))\n")
			.append("end\n");
		try {
			Files.writeString(this.script, lua, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return whether {@code wrk} can be started
	 */
	static boolean available() {
		try {
			Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			process.waitFor(10, TimeUnit.SECONDS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * @param url the URL to load
	 * @param duration how long
	 * @return what wrk measured
	 */
	Result run(String url, Duration duration) {
		List<String> command = List.of("wrk", "-t" + this.threads, "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", this.script.toString(), url);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("wrk did not finish");
			}
			Matcher matcher = RESULT.matcher(output);
			if (process.exitValue() != 0 || !matcher.find()) {
				throw new IllegalStateException("wrk failed: " + output);
			}
			return new Result(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
					Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)),
					Long.parseLong(matcher.group(5)), Long.parseLong(matcher.group(6)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param requests completed requests
	 * @param durationMicros how long wrk ran
	 * @param non2xx answers that were not 2xx or 3xx
	 * @param socketErrors connect, read, write errors and timeouts
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 */
	record Result(long requests, long durationMicros, long non2xx, long socketErrors, long p50Micros, long p99Micros) {

		double requestsPerSecond() {
			return this.requests * 1_000_000.0 / this.durationMicros;
		}

	}

}
