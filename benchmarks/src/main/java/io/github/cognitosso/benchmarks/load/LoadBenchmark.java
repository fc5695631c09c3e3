package io.github.cognitosso.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.cognitosso.benchmarks.BenchmarkPool;
import io.github.cognitosso.benchmarks.load.reactive.reference.ReactiveReferenceApplication;
import io.github.cognitosso.benchmarks.load.reactive.starter.ReactiveStarterApplication;
import io.github.cognitosso.benchmarks.load.reference.ReferenceApplication;
import io.github.cognitosso.benchmarks.load.starter.StarterApplication;

/**
 * The end-to-end comparison: the same API secured by plain Spring Security
 * ({@link ReferenceApplication}) and by the starter ({@link StarterApplication},
 * validated-token cache off, then on), each in its own JVM on loopback, driven by
 * {@code wrk} with the same valid Cognito tokens, against one Cognito simulator that
 * counts JWKS requests.
 * <p>
 * The applications run one at a time (two cores: wrk needs one), in rounds that rotate
 * their order; each run starts a fresh JVM, checks it accepts and refuses what it should,
 * warms it up (the JIT needs tens of seconds on two busy cores), then measures. Besides
 * wrk's throughput and latencies it records the application's CPU time per request, which
 * other work on the machine disturbs far less than throughput. The report gives the
 * median over the rounds, and every run's numbers.
 *
 * With {@code --stack=reactive} the same comparison runs on WebFlux: the same API
 * ({@link ReactiveReferenceApplication} and {@link ReactiveStarterApplication}) on
 * Reactor Netty.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.load.LoadBenchmark
 *     [--stack=servlet|reactive] [--rounds=3] [--warmup=40] [--duration=30] [--connections=32] [--threads=1] [--tokens=100]
 * </pre>
 */
public final class LoadBenchmark {

	private LoadBenchmark() {
	}

	/** The applications compared, in the order of the report. */
	enum Subject {

		REFERENCE("reference: plain Spring Security", ReferenceApplication.class, false, true, false),

		STARTER("starter, token cache off", StarterApplication.class, false, false, false),

		STARTER_CACHED("starter, token cache on", StarterApplication.class, false, false, true),

		REACTIVE_REFERENCE("WebFlux reference: plain Spring Security", ReactiveReferenceApplication.class, true, true,
				false),

		REACTIVE_STARTER("WebFlux starter, token cache off", ReactiveStarterApplication.class, true, false, false),

		REACTIVE_STARTER_CACHED("WebFlux starter, token cache on", ReactiveStarterApplication.class, true, false, true);

		final String label;

		final Class<?> application;

		final boolean reactive;

		final boolean reference;

		final boolean tokenCache;

		Subject(String label, Class<?> application, boolean reactive, boolean reference, boolean tokenCache) {
			this.label = label;
			this.application = application;
			this.reactive = reactive;
			this.reference = reference;
			this.tokenCache = tokenCache;
		}

		static Subject[] of(boolean reactive) {
			return Arrays.stream(values()).filter((subject) -> subject.reactive == reactive).toArray(Subject[]::new);
		}

		Map<String, String> properties(BenchmarkPool pool) {
			Map<String, String> properties = new LinkedHashMap<>();
			if (this.reference) {
				properties.put("cognito.enabled", "false");
				properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", pool.jwkSetUri());
				properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", pool.issuer());
			}
			else {
				properties.put("cognito.user-pool-id", pool.cognitoProperties().getUserPoolId());
				properties.put("cognito.issuer-uri", pool.issuer());
				properties.put("cognito.client-id", BenchmarkPool.CLIENT_ID);
				properties.put("cognito.resource-server.token-cache.enabled", String.valueOf(this.tokenCache));
			}
			return properties;
		}

	}

	/**
	 * One run of one application.
	 *
	 * @param cpuMicrosPerRequest the application's CPU time during the measured period,
	 * divided by the requests
	 */
	record Run(Subject subject, int round, Wrk.Result result, double cpuMicrosPerRequest, int jwksRequests) {

	}

	public static void main(String[] args) throws IOException {
		// --stack=reactive: the same comparison on WebFlux (Reactor Netty) instead of
		// Spring MVC (Tomcat).
		boolean reactive = Arrays.asList(args).contains("--stack=reactive");
		Map<String, Integer> options = options(Arrays.stream(args)
			.filter((arg) -> !arg.equals("--stack=reactive") && !arg.equals("--stack=servlet"))
			.toArray(String[]::new));
		int rounds = options.get("rounds");
		Duration warmup = Duration.ofSeconds(options.get("warmup"));
		Duration duration = Duration.ofSeconds(options.get("duration"));
		if (!Wrk.available()) {
			System.err.println("wrk is not installed: apt-get install wrk (or run benchmarks/load.sh as root)");
			System.exit(2);
		}
		// Interrupted (Ctrl-C), the benchmark still stops the applications and wrk it
		// started, and nothing else.
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
		Path work = Files.createTempDirectory("cognito-sso-load");
		List<Run> runs = new ArrayList<>();
		try (BenchmarkPool pool = BenchmarkPool.start()) {
			List<String> tokens = pool.accessTokens(options.get("tokens"));
			String otherClientToken = pool.accessToken(0, BenchmarkPool.OTHER_CLIENT_ID);
			Wrk wrk = new Wrk(tokens, work, options.get("threads"), options.get("connections"));
			System.out.printf(Locale.ROOT,
					"%d rounds; per run: %ds warm-up, %ds measured; wrk -t%d -c%d; %d tokens;" + " logs in %s%n",
					rounds, warmup.toSeconds(), duration.toSeconds(), options.get("threads"),
					options.get("connections"), tokens.size(), work);
			Subject[] subjects = Subject.of(reactive);
			for (int round = 1; round <= rounds; round++) {
				for (int i = 0; i < subjects.length; i++) {
					Subject subject = subjects[(i + round - 1) % subjects.length];
					runs.add(run(pool, subject, round, wrk, tokens.get(0), otherClientToken, warmup, duration, work));
				}
			}
		}
		report(runs, Subject.of(reactive));
	}

	private static Run run(BenchmarkPool pool, Subject subject, int round, Wrk wrk, String token,
			String otherClientToken, Duration warmup, Duration duration, Path work) {
		int jwksBefore = pool.jwksRequests();
		Path log = work.resolve(subject.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
		Wrk.Result result;
		double cpuPerRequest;
		try (ApplicationProcess application = ApplicationProcess.start(subject.application, subject.properties(pool),
				log)) {
			check(application, subject, token, otherClientToken);
			wrk.run(application.url(), warmup);
			Duration cpuBefore = application.cpuTime();
			result = wrk.run(application.url(), duration);
			cpuPerRequest = application.cpuTime().minus(cpuBefore).toNanos() / 1000.0 / result.requests();
		}
		int jwksRequests = pool.jwksRequests() - jwksBefore;
		System.out.printf(Locale.ROOT,
				"round %d, %-34s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %5.0f us/req"
						+ "  JWKS requests %d  non-2xx %d  socket errors %d%n",
				round, subject.label + ":", result.requestsPerSecond(), result.p50Micros() / 1000.0,
				result.p99Micros() / 1000.0, cpuPerRequest, jwksRequests, result.non2xx(), result.socketErrors());
		if (result.non2xx() > 0 || result.socketErrors() > 0) {
			throw new IllegalStateException(subject.label + " answered errors under load; see " + log);
		}
		return new Run(subject, round, result, cpuPerRequest, jwksRequests);
	}

	/**
	 * Before measuring: a valid token is accepted, a request without one is refused, and
	 * only the starter refuses a token issued to another app client of the pool (the
	 * reference has no Cognito checks).
	 */
	private static void check(ApplicationProcess application, Subject subject, String token, String otherClientToken) {
		HttpResponse<String> accepted = application.get(token);
		if (accepted.statusCode() != 200 || !accepted.body().startsWith("hello ")) {
			throw new IllegalStateException(subject.label + " refused a valid token: " + accepted.statusCode());
		}
		int otherClient = application.get(otherClientToken).statusCode();
		int expected = subject.reference ? 200 : 401;
		if (otherClient != expected) {
			throw new IllegalStateException(subject.label + " answered " + otherClient
					+ " to a token of another app client, expected " + expected);
		}
	}

	private static void report(List<Run> runs, Subject[] subjects) {
		System.out.println();
		System.out.println("| Application | req/s (median) | req/s (range) | p50 (ms) | p99 (ms) | req/s vs reference "
				+ "(median of rounds) | app CPU per request (µs) | JWKS requests per run |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		for (Subject subject : subjects) {
			List<Run> own = runs.stream().filter((run) -> run.subject() == subject).toList();
			double[] throughput = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond())
				.sorted()
				.toArray();
			double[] ratios = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond()
						/ reference(runs, run.round()).result().requestsPerSecond())
				.toArray();
			System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f to %,.0f | %.2f | %.2f | %.2fx | %.0f | %s |%n",
					subject.label, median(throughput), throughput[0], throughput[throughput.length - 1],
					median(own.stream().mapToDouble((run) -> run.result().p50Micros() / 1000.0).toArray()),
					median(own.stream().mapToDouble((run) -> run.result().p99Micros() / 1000.0).toArray()),
					median(ratios), median(own.stream().mapToDouble(Run::cpuMicrosPerRequest).toArray()),
					String.join(", ", own.stream().map((run) -> String.valueOf(run.jwksRequests())).toList()));
		}
		System.out.println();
		System.out.println("Latencies and throughput are medians over the rounds; the ratio compares each run with the "
				+ "reference run of the same round. Every run:");
		System.out.println();
		System.out.println(
				"| Round | Application | req/s | p50 (ms) | p99 (ms) | app CPU per request (µs) | JWKS requests |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %.2f | %.2f | %.0f | %d |%n", run.round(),
					run.subject().label, run.result().requestsPerSecond(), run.result().p50Micros() / 1000.0,
					run.result().p99Micros() / 1000.0, run.cpuMicrosPerRequest(), run.jwksRequests());
		}
	}

	private static Run reference(List<Run> runs, int round) {
		return runs.stream().filter((run) -> run.subject().reference && run.round() == round).findFirst().orElseThrow();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Map<String, Integer> options(String[] args) {
		Map<String, Integer> options = new LinkedHashMap<>(
				Map.of("rounds", 3, "warmup", 40, "duration", 30, "connections", 32, "threads", 1, "tokens", 100));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2 || !options.containsKey(pair[0])) {
				throw new IllegalArgumentException("Unknown option " + arg + "; known: " + options.keySet());
			}
			options.put(pair[0], Integer.parseInt(pair[1]));
		}
		return options;
	}

}
