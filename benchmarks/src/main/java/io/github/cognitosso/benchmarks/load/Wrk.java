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
 * <p>
 * The tokens go to a file, one a line, which the script reads in {@code init} and turns
 * into ready-made requests, so tens of thousands of distinct tokens cost no more per
 * request than one (and no Lua source holds them). Each run of wrk goes on where the last
 * one stopped in the list (the measured period does not send again the tokens of the
 * warm-up), and with several wrk threads each starts at its own place in the list, so
 * distinct tokens stay distinct.
 */
final class Wrk {

	private static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) "
			+ "non_2xx=(\\d+) socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

	private final Path script;

	private final int threads;

	private final int connections;

	private final int tokens;

	/** Where in the list the next run starts: the requests sent so far. */
	private long next;

	/**
	 * @param tokens the bearer tokens, used in turn
	 * @param directory where the Lua script and the tokens are written
	 */
	Wrk(List<String> tokens, Path directory, int threads, int connections) {
		this(tokens, directory, "tokens", threads, connections);
	}

	/**
	 * @param tokens the bearer tokens, used in turn
	 * @param directory where the Lua script and the tokens are written
	 * @param name the files' name ({@code name.lua}, {@code name.txt}), to keep several
	 * token sets in one directory
	 */
	Wrk(List<String> tokens, Path directory, String name, int threads, int connections) {
		this.threads = threads;
		this.connections = connections;
		this.tokens = tokens.size();
		this.script = directory.resolve(name + ".lua");
		Path tokenFile = directory.resolve(name + ".txt").toAbsolutePath();
		String lua = """
				local requests = {}
				local current = 0
				thread_index = 0
				local next_index = 0
				setup = function(thread)
				  thread:set("thread_index", next_index)
				  next_index = next_index + 1
				end
				init = function(args)
				  local offset = tonumber(args[1]) or 0
				  for token in io.lines("%s") do
				    requests[#requests + 1] = wrk.format("GET", "/api/hello", { ["Authorization"] = "Bearer " .. token })
				  end
				  current = (offset + thread_index * math.floor(#requests / %d)) %% #requests
				end
				request = function()
				  current = current %% #requests + 1
				  return requests[current]
				end
				done = function(summary, latency, requests)
				  local e = summary.errors
				  io.write(string.format("RESULT requests=%%d duration_us=%%d non_2xx=%%d socket_errors=%%d p50_us=%%d p99_us=%%d\\n",
				    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
				    latency:percentile(50), latency:percentile(99)))
				end
				"""
			.formatted(tokenFile, threads);
		try {
			Files.write(tokenFile, tokens, StandardCharsets.US_ASCII);
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
				"-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", this.script.toString(), url, "--",
				String.valueOf(this.next));
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
			Result result = new Result(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
					Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)),
					Long.parseLong(matcher.group(5)), Long.parseLong(matcher.group(6)));
			this.next = (this.next + result.requests()) % this.tokens;
			return result;
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
