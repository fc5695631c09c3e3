package io.github.cognitosso.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.github.cognitosso.benchmarks.BenchmarkPool;

/**
 * The gateway's overhead: requests per second straight to an upstream, and through the
 * packaged {@code cognito-sso-gateway} in front of it, in one run, driven by {@code wrk}
 * with the same Cognito tokens: a route without the Cognito filters (Spring Cloud Gateway
 * and the token validation only), the catch-all route (token relayed with the identity
 * headers), and the catch-all route with the signed assertion too.
 * <p>
 * The upstream is the JDK's HTTP server in this JVM, answering {@code hello}; the gateway
 * runs in its own JVM ({@code -Xms512m -Xmx512m}) on loopback. Each round measures the
 * four paths in a rotating order, each after its own warm-up; the report gives the
 * medians and the ratio to the direct path of the same round.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.load.GatewayBenchmark
 *     [--rounds=3] [--warmup=30] [--duration=20] [--connections=32] [--threads=1] [--tokens=100]
 * </pre>
 */
public final class GatewayBenchmark {

	private GatewayBenchmark() {
	}

	/** The paths compared, in the order of the report. */
	enum Subject {

		DIRECT("straight to the upstream"),

		GATEWAY_PLAIN("through the gateway, route without Cognito filters"),

		GATEWAY("through the gateway"),

		GATEWAY_ASSERTION("through the gateway, with signed assertion");

		final String label;

		Subject(String label) {
			this.label = label;
		}

	}

	record Run(Subject subject, int round, Wrk.Result result, double gatewayCpuMicrosPerRequest) {

	}

	public static void main(String[] args) throws IOException {
		Map<String, Integer> options = options(args);
		Duration warmup = Duration.ofSeconds(options.get("warmup"));
		Duration duration = Duration.ofSeconds(options.get("duration"));
		Path jar = Path.of(System.getProperty("gateway.jar", "cognito-sso-gateway/target/cognito-sso-gateway-"
				+ System.getProperty("gateway.version", "0.1.0-SNAPSHOT") + ".jar"));
		if (!Files.isRegularFile(jar)) {
			System.err.println("No gateway jar at " + jar + ": run benchmarks/gateway.sh, or pass -Dgateway.jar=...");
			System.exit(2);
		}
		if (!Wrk.available()) {
			System.err.println("wrk is not installed: apt-get install wrk (or run benchmarks/gateway.sh as root)");
			System.exit(2);
		}
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
		Path work = Files.createTempDirectory("cognito-sso-gateway-load");
		List<Run> runs = new ArrayList<>();
		try (BenchmarkPool pool = BenchmarkPool.start(); Upstream upstream = Upstream.start()) {
			List<String> tokens = pool.accessTokens(options.get("tokens"));
			Wrk wrk = new Wrk(tokens, work, options.get("threads"), options.get("connections"));
			System.out.printf(Locale.ROOT,
					"%d rounds; per run: %ds warm-up, %ds measured; wrk -t%d -c%d; %d tokens;"
							+ " gateway %s; logs in %s%n",
					options.get("rounds"), warmup.toSeconds(), duration.toSeconds(), options.get("threads"),
					options.get("connections"), tokens.size(), jar, work);
			Subject[] subjects = Subject.values();
			for (int round = 1; round <= options.get("rounds"); round++) {
				for (int i = 0; i < subjects.length; i++) {
					Subject subject = subjects[(i + round - 1) % subjects.length];
					runs.add(run(subject, round, pool, upstream, jar, wrk, tokens.get(0), warmup, duration, work));
				}
			}
		}
		report(runs);
	}

	private static Run run(Subject subject, int round, BenchmarkPool pool, Upstream upstream, Path jar, Wrk wrk,
			String token, Duration warmup, Duration duration, Path work) {
		Wrk.Result result;
		double cpuPerRequest = Double.NaN;
		if (subject == Subject.DIRECT) {
			wrk.run(upstream.url(), warmup);
			result = wrk.run(upstream.url(), duration);
		}
		else {
			Path log = work.resolve(subject.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
			try (ApplicationProcess gateway = ApplicationProcess.startJar(jar,
					gatewayProperties(subject, pool, upstream), log)) {
				check(gateway, subject, upstream, token);
				wrk.run(gateway.url(), warmup);
				Duration cpuBefore = gateway.cpuTime();
				result = wrk.run(gateway.url(), duration);
				cpuPerRequest = gateway.cpuTime().minus(cpuBefore).toNanos() / 1000.0 / result.requests();
			}
		}
		System.out.printf(Locale.ROOT,
				"round %d, %-45s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  gateway CPU %s us/req  non-2xx %d"
						+ "  socket errors %d%n",
				round, subject.label + ":", result.requestsPerSecond(), result.p50Micros() / 1000.0,
				result.p99Micros() / 1000.0, micros(cpuPerRequest), result.non2xx(), result.socketErrors());
		if (result.non2xx() > 0 || result.socketErrors() > 0) {
			throw new IllegalStateException(subject.label + " answered errors under load; see " + work);
		}
		return new Run(subject, round, result, cpuPerRequest);
	}

	private static Map<String, String> gatewayProperties(Subject subject, BenchmarkPool pool, Upstream upstream) {
		Map<String, String> properties = new LinkedHashMap<>();
		// A pool of its own: the gateway's simulator stays off. No domain: bearer tokens
		// only, no browser sign-in.
		properties.put("cognito.user-pool-id", pool.cognitoProperties().getUserPoolId());
		properties.put("cognito.issuer-uri", pool.issuer());
		properties.put("cognito.client-id", BenchmarkPool.CLIENT_ID);
		properties.put("cognito.gateway.upstream-uri", upstream.origin());
		properties.put("cognito.gateway.assertion.enabled", String.valueOf(subject == Subject.GATEWAY_ASSERTION));
		if (subject == Subject.GATEWAY_PLAIN) {
			// Replaces the jar's route list: Spring Cloud Gateway and the security chain
			// (the token is still validated), without the relay, the headers and the
			// assertion. The token reaches the upstream as the client sent it.
			String route = "spring.cloud.gateway.server.webmvc.routes[0]";
			properties.put(route + ".id", "plain");
			properties.put(route + ".uri", upstream.origin());
			properties.put(route + ".predicates[0]", "Path=/api/**");
		}
		return properties;
	}

	/**
	 * Before measuring: the token reaches the upstream, a request without one does not.
	 */
	private static void check(ApplicationProcess gateway, Subject subject, Upstream upstream, String token) {
		HttpResponse<String> relayed = gateway.get(token);
		if (relayed.statusCode() != 200 || !relayed.body().startsWith("hello")
				|| !("Bearer " + token).equals(upstream.lastAuthorization.get())) {
			throw new IllegalStateException(subject.label + " did not relay a valid token: " + relayed.statusCode());
		}
		int refused = gateway.get(null).statusCode();
		if (refused != 401) {
			throw new IllegalStateException(subject.label + " answered " + refused + " without a token");
		}
	}

	private static void report(List<Run> runs) {
		System.out.println();
		System.out.println(
				"| Path | req/s (median) | req/s (range) | p50 (ms) | p99 (ms) | req/s vs direct (median of rounds)"
						+ " | gateway CPU per request (µs) |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Subject subject : Subject.values()) {
			List<Run> own = runs.stream().filter((run) -> run.subject() == subject).toList();
			double[] throughput = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond())
				.sorted()
				.toArray();
			double[] ratios = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond() / direct(runs, run.round()))
				.toArray();
			double cpu = median(own.stream().mapToDouble(Run::gatewayCpuMicrosPerRequest).toArray());
			System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f to %,.0f | %.2f | %.2f | %.2fx | %s |%n",
					subject.label, median(throughput), throughput[0], throughput[throughput.length - 1],
					median(own.stream().mapToDouble((run) -> run.result().p50Micros() / 1000.0).toArray()),
					median(own.stream().mapToDouble((run) -> run.result().p99Micros() / 1000.0).toArray()),
					median(ratios), micros(cpu));
		}
		System.out.println();
		System.out.println("| Round | Path | req/s | p50 (ms) | p99 (ms) |");
		System.out.println("| ---: | --- | ---: | ---: | ---: |");
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %.2f | %.2f |%n", run.round(), run.subject().label,
					run.result().requestsPerSecond(), run.result().p50Micros() / 1000.0,
					run.result().p99Micros() / 1000.0);
		}
	}

	private static String micros(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
	}

	private static double direct(List<Run> runs, int round) {
		return runs.stream()
			.filter((run) -> run.subject() == Subject.DIRECT && run.round() == round)
			.findFirst()
			.orElseThrow()
			.result()
			.requestsPerSecond();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Map<String, Integer> options(String[] args) {
		Map<String, Integer> options = new LinkedHashMap<>(
				Map.of("rounds", 3, "warmup", 30, "duration", 20, "connections", 32, "threads", 1, "tokens", 100));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2 || !options.containsKey(pair[0])) {
				throw new IllegalArgumentException("Unknown option " + arg + "; known: " + options.keySet());
			}
			options.put(pair[0], Integer.parseInt(pair[1]));
		}
		return options;
	}

	/**
	 * The upstream: no Spring, the JDK's HTTP server on a loopback port answering
	 * {@code hello} to every request, remembering the last {@code Authorization} it got.
	 */
	static final class Upstream implements AutoCloseable {

		private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

		final AtomicReference<String> lastAuthorization = new AtomicReference<>();

		private final HttpServer server;

		private final ExecutorService executor = Executors.newFixedThreadPool(8);

		private Upstream(HttpServer server) {
			this.server = server;
		}

		static Upstream start() {
			// Without it every small answer waits for the client's delayed ACK (Nagle):
			// some 40 ms.
			System.setProperty("sun.net.httpserver.nodelay", "true");
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
				Upstream upstream = new Upstream(server);
				server.setExecutor(upstream.executor);
				server.createContext("/", (exchange) -> {
					upstream.lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
					exchange.getResponseHeaders().set("Content-Type", "text/plain");
					exchange.sendResponseHeaders(200, HELLO.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(HELLO);
					}
				});
				server.start();
				return upstream;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String origin() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		String url() {
			return origin() + "/api/hello";
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

}
