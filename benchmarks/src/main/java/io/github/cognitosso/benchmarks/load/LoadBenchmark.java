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
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;

import io.github.cognitosso.benchmarks.BenchmarkPool;
import io.github.cognitosso.benchmarks.load.floor.FloorApplication;
import io.github.cognitosso.benchmarks.load.reactive.floor.ReactiveFloorApplication;
import io.github.cognitosso.benchmarks.load.reactive.reference.ReactiveReferenceApplication;
import io.github.cognitosso.benchmarks.load.reactive.starter.ReactiveStarterApplication;
import io.github.cognitosso.benchmarks.load.reference.ReferenceApplication;
import io.github.cognitosso.benchmarks.load.securityfloor.SecurityFloorApplication;
import io.github.cognitosso.benchmarks.load.starter.StarterApplication;

/**
 * The end-to-end comparison: the same API secured by plain Spring Security
 * ({@link ReferenceApplication}) and by the starter ({@link StarterApplication},
 * validated-token cache off, then on), next to the same API with no security at all
 * ({@link FloorApplication}, the unsecured floor) and behind Spring Security's chain with
 * nobody to authenticate ({@link SecurityFloorApplication}), each in its own JVM on
 * loopback, driven by {@code wrk} with the same valid Cognito tokens, against one Cognito
 * simulator that counts JWKS requests.
 * <p>
 * Two token loads: repeated tokens (the requests cycle through a few valid tokens,
 * {@code --tokens}, as clients that reuse their token until it expires), and distinct
 * tokens (the requests cycle through {@code --distinct-tokens} valid tokens, by default
 * 20,000, twice as many as the validated-token cache holds), which the reference and the
 * starter with its cache run side by side; {@code --distinct-tokens=0} leaves those runs
 * out.
 * <p>
 * The applications run one at a time (two cores: wrk needs one), in rounds that rotate
 * their order; each run starts a fresh JVM, checks it accepts and refuses what it should,
 * warms it up (the JIT needs tens of seconds on two busy cores), then measures. Besides
 * wrk's throughput and latencies it records the application's CPU time per request, which
 * other work on the machine disturbs far less than throughput, the starter's cache hits
 * during the measured period, and the heap in use after a full collection at its end. The
 * report gives the median over the rounds, every run's numbers, and the ratios of the
 * targets: distinct tokens against the reference, repeated tokens against the floor.
 *
 * With {@code --stack=reactive} the same comparison runs on WebFlux: the same API
 * ({@link ReactiveReferenceApplication}, {@link ReactiveStarterApplication} and
 * {@link ReactiveFloorApplication}) on Reactor Netty.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.load.LoadBenchmark
 *     [--stack=servlet|reactive] [--rounds=3] [--warmup=40] [--duration=30] [--connections=32] [--threads=1] [--tokens=100]
 *     [--distinct-tokens=20000] [--only=floor,reference,starter,starter-cached,reference-distinct,starter-cached-distinct]
 *     [--interleave=1]
 * </pre> ({@code --only} names the runs to make, {@code reactive-floor}... with
 * {@code --stack=reactive}; by default all of the stack's. {@code --interleave=1} starts
 * every application once, warms them all up, then measures them in turn, round after
 * round: runs compared with each other are then seconds apart, not minutes.)
 */
public final class LoadBenchmark {

	/** The default {@code cognito.resource-server.token-cache.maximum-size}. */
	private static final int TOKEN_CACHE_SIZE = 10_000;

	private LoadBenchmark() {
	}

	/** How an application is secured. */
	enum Security {

		/** No Spring Security at all: the unsecured floor. */
		NONE,

		/**
		 * Spring Security's chain letting everyone through as anonymous: what the chain
		 * costs without any authentication.
		 */
		CHAIN_ONLY,

		/** Spring Boot's own resource server: the reference. */
		PLAIN_BOOT,

		/** The starter. */
		STARTER

	}

	/** The applications compared, in the order of the report. */
	enum Subject {

		FLOOR("unsecured floor: no Spring Security", FloorApplication.class, false, Security.NONE, false, false),

		SECURITY_FLOOR("Spring Security's chain, nobody authenticated", SecurityFloorApplication.class, false,
				Security.CHAIN_ONLY, false, false),

		REFERENCE("reference: plain Spring Security", ReferenceApplication.class, false, Security.PLAIN_BOOT, false,
				false),

		STARTER("starter, token cache off", StarterApplication.class, false, Security.STARTER, false, false),

		STARTER_CACHED("starter, token cache on", StarterApplication.class, false, Security.STARTER, true, false),

		REFERENCE_DISTINCT("reference, distinct tokens", ReferenceApplication.class, false, Security.PLAIN_BOOT, false,
				true),

		STARTER_CACHED_DISTINCT("starter, token cache on, distinct tokens", StarterApplication.class, false,
				Security.STARTER, true, true),

		REACTIVE_FLOOR("WebFlux unsecured floor: no Spring Security", ReactiveFloorApplication.class, true,
				Security.NONE, false, false),

		REACTIVE_REFERENCE("WebFlux reference: plain Spring Security", ReactiveReferenceApplication.class, true,
				Security.PLAIN_BOOT, false, false),

		REACTIVE_STARTER("WebFlux starter, token cache off", ReactiveStarterApplication.class, true, Security.STARTER,
				false, false),

		REACTIVE_STARTER_CACHED("WebFlux starter, token cache on", ReactiveStarterApplication.class, true,
				Security.STARTER, true, false),

		REACTIVE_REFERENCE_DISTINCT("WebFlux reference, distinct tokens", ReactiveReferenceApplication.class, true,
				Security.PLAIN_BOOT, false, true),

		REACTIVE_STARTER_CACHED_DISTINCT("WebFlux starter, token cache on, distinct tokens",
				ReactiveStarterApplication.class, true, Security.STARTER, true, true);

		final String label;

		final Class<?> application;

		final boolean reactive;

		final Security security;

		final boolean tokenCache;

		/** Whether the requests cycle through the distinct tokens. */
		final boolean distinct;

		Subject(String label, Class<?> application, boolean reactive, Security security, boolean tokenCache,
				boolean distinct) {
			this.label = label;
			this.application = application;
			this.reactive = reactive;
			this.security = security;
			this.tokenCache = tokenCache;
			this.distinct = distinct;
		}

		/**
		 * @param only the options' names of the runs wanted ({@link #option()}), or empty
		 * for all
		 */
		static Subject[] of(boolean reactive, boolean distinct, List<String> only) {
			List<String> known = Arrays.stream(values()).map(Subject::option).toList();
			only.stream().filter((name) -> !known.contains(name)).findFirst().ifPresent((name) -> {
				throw new IllegalArgumentException("Unknown run " + name + " in --only; known: " + known);
			});
			Subject[] subjects = Arrays.stream(values())
				.filter((subject) -> subject.reactive == reactive && (distinct || !subject.distinct))
				.filter((subject) -> only.isEmpty() || only.contains(subject.option()))
				.toArray(Subject[]::new);
			if (subjects.length == 0) {
				throw new IllegalArgumentException("No run left: --only names none of the "
						+ (reactive ? "reactive" : "servlet") + " stack's runs (or --distinct-tokens=0)");
			}
			return subjects;
		}

		/** The run's name in {@code --only}: {@code starter-cached-distinct}. */
		String option() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		boolean isReference() {
			return this.security == Security.PLAIN_BOOT;
		}

		/** Whether it answers every request, token or not (the two floors). */
		boolean answersAnybody() {
			return this.security == Security.NONE || this.security == Security.CHAIN_ONLY;
		}

		/** The application's answer to a request without a token, once it is up. */
		int statusWithoutToken() {
			return answersAnybody() ? 200 : 401;
		}

		Map<String, String> properties(BenchmarkPool pool) {
			Map<String, String> properties = new LinkedHashMap<>();
			if (this.security == Security.PLAIN_BOOT) {
				properties.put("cognito.enabled", "false");
				properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", pool.jwkSetUri());
				properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", pool.issuer());
			}
			else if (this.security == Security.STARTER) {
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
	 * @param cacheHits the share of the measured period's tokens found in the starter's
	 * validated-token cache, {@code NaN} without a cache
	 * @param cachedTokens the tokens in that cache at the end of the run, {@code -1}
	 * without a cache
	 * @param heapBytes the heap in use after a full collection at the end of the run
	 */
	record Run(Subject subject, int round, Wrk.Result result, double cpuMicrosPerRequest, int jwksRequests,
			double cacheHits, long cachedTokens, long heapBytes) {

		/**
		 * @param heapBytes the heap after a full collection, {@code -1} when not taken
		 * (yet)
		 */
		static Run of(Subject subject, int round, Measured measured, int jwksRequests, long heapBytes) {
			return new Run(subject, round, measured.result(), measured.cpuPerRequest(), jwksRequests,
					measured.cacheHits(), measured.cachedTokens(), heapBytes);
		}

		Run withHeap(long heapBytes) {
			return new Run(this.subject, this.round, this.result, this.cpuMicrosPerRequest, this.jwksRequests,
					this.cacheHits, this.cachedTokens, heapBytes);
		}

	}

	/** The tokens of the two loads, each with its wrk script. */
	record Loads(Wrk repeated, Wrk distinct, String token, String otherClientToken) {

		Wrk of(Subject subject) {
			return subject.distinct ? this.distinct : this.repeated;
		}

	}

	public static void main(String[] args) throws IOException {
		// --stack=reactive: the same comparison on WebFlux (Reactor Netty) instead of
		// Spring MVC (Tomcat).
		boolean reactive = Arrays.asList(args).contains("--stack=reactive");
		// --only=starter-cached-distinct,reference-distinct: some of the runs only.
		List<String> only = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--only="))
			.flatMap((arg) -> Arrays.stream(arg.substring("--only=".length()).split(",")))
			.toList();
		Map<String, Integer> options = options(Arrays.stream(args)
			.filter((arg) -> !arg.equals("--stack=reactive") && !arg.equals("--stack=servlet")
					&& !arg.startsWith("--only="))
			.toArray(String[]::new));
		int rounds = options.get("rounds");
		Duration warmup = Duration.ofSeconds(options.get("warmup"));
		Duration duration = Duration.ofSeconds(options.get("duration"));
		int distinctTokens = options.get("distinct-tokens");
		if (!Wrk.available()) {
			System.err.println("wrk is not installed: apt-get install wrk (or run benchmarks/load.sh as root)");
			System.exit(2);
		}
		// Interrupted (Ctrl-C), the benchmark still stops the applications and wrk it
		// started, and nothing else.
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
		Path work = Files.createTempDirectory("cognito-sso-load");
		Subject[] subjects = Subject.of(reactive, distinctTokens > 0, only);
		List<Run> runs = new ArrayList<>();
		try (BenchmarkPool pool = BenchmarkPool.start()) {
			// Every token outlives the whole benchmark, with an hour to spare.
			Duration validity = warmup.plus(duration)
				.plusSeconds(60)
				.multipliedBy((long) rounds * subjects.length)
				.plusHours(1);
			validity = (validity.compareTo(Duration.ofHours(2)) > 0) ? validity : Duration.ofHours(2);
			List<String> tokens = pool.accessTokens(options.get("tokens"), validity);
			Wrk repeated = new Wrk(tokens, work, "repeated-tokens", options.get("threads"), options.get("connections"));
			Wrk distinct = null;
			if (Arrays.stream(subjects).anyMatch((subject) -> subject.distinct)) {
				long minting = System.nanoTime();
				distinct = new Wrk(pool.accessTokens(distinctTokens, validity), work, "distinct-tokens",
						options.get("threads"), options.get("connections"));
				System.out.printf(Locale.ROOT, "%,d distinct tokens minted in %.0f s%s%n", distinctTokens,
						(System.nanoTime() - minting) / 1e9, (distinctTokens > TOKEN_CACHE_SIZE) ? "" : String
							.format(Locale.ROOT, " (not more than the cache's %,d entries)", TOKEN_CACHE_SIZE));
			}
			Loads loads = new Loads(repeated, distinct, tokens.get(0),
					pool.accessToken(0, BenchmarkPool.OTHER_CLIENT_ID, validity));
			System.out.printf(Locale.ROOT,
					"%d rounds; per run: %ds warm-up, %ds measured; wrk -t%d -c%d; %d repeated tokens, %,d distinct "
							+ "tokens (valid for %d min); load average %s; logs in %s%n",
					rounds, warmup.toSeconds(), duration.toSeconds(), options.get("threads"),
					options.get("connections"), tokens.size(), (distinct != null) ? distinctTokens : 0,
					validity.toMinutes(), loadAverage(), work);
			if (options.get("interleave") == 1) {
				runs.addAll(interleaved(pool, subjects, rounds, loads, warmup, duration, work));
			}
			else {
				for (int round = 1; round <= rounds; round++) {
					for (int i = 0; i < subjects.length; i++) {
						Subject subject = subjects[(i + round - 1) % subjects.length];
						runs.add(run(pool, subject, round, loads, warmup, duration, work));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "%nload average at the end: %s%n", loadAverage());
		report(runs, subjects);
	}

	private static Run run(BenchmarkPool pool, Subject subject, int round, Loads loads, Duration warmup,
			Duration duration, Path work) {
		int jwksBefore = pool.jwksRequests();
		Path log = work.resolve(subject.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
		Measured measured;
		long heap;
		try (ApplicationProcess application = ApplicationProcess.start(subject.application, subject.properties(pool),
				log, subject.statusWithoutToken())) {
			check(application, subject, loads.token(), loads.otherClientToken());
			loads.of(subject).run(application.url(), warmup);
			measured = measure(application, subject, loads, duration);
			heap = application.heapAfterFullGc();
		}
		return report(Run.of(subject, round, measured, pool.jwksRequests() - jwksBefore, heap), work);
	}

	/**
	 * {@code --interleave=1}: every application started once and warmed up, then measured
	 * in turn, round after round, each round rotating the order, so that runs compared
	 * with each other are seconds apart instead of minutes (the machine's speed drifts by
	 * 10 to 20% over minutes). The applications wait idle while another one is measured.
	 * The heap after a full collection is taken once per application, at the end.
	 */
	private static List<Run> interleaved(BenchmarkPool pool, Subject[] subjects, int rounds, Loads loads,
			Duration warmup, Duration duration, Path work) {
		Map<Subject, ApplicationProcess> applications = new LinkedHashMap<>();
		List<Run> runs = new ArrayList<>();
		try {
			for (Subject subject : subjects) {
				Path log = work.resolve(subject.name().toLowerCase(Locale.ROOT) + ".log");
				ApplicationProcess application = ApplicationProcess.start(subject.application, subject.properties(pool),
						log, subject.statusWithoutToken());
				applications.put(subject, application);
				check(application, subject, loads.token(), loads.otherClientToken());
			}
			for (Subject subject : subjects) {
				loads.of(subject).run(applications.get(subject).url(), warmup);
			}
			for (int round = 1; round <= rounds; round++) {
				for (int i = 0; i < subjects.length; i++) {
					Subject subject = subjects[(i + round - 1) % subjects.length];
					int jwksBefore = pool.jwksRequests();
					Measured measured = measure(applications.get(subject), subject, loads, duration);
					runs.add(report(Run.of(subject, round, measured, pool.jwksRequests() - jwksBefore, -1), work));
				}
			}
			Map<Subject, Long> heaps = new LinkedHashMap<>();
			for (Subject subject : subjects) {
				heaps.put(subject, applications.get(subject).heapAfterFullGc());
				System.out.printf(Locale.ROOT, "%-49s heap after GC %.1f MiB%n", subject.label + ":",
						mebibytes(heaps.get(subject)));
			}
			return runs.stream().map((run) -> run.withHeap(heaps.get(run.subject()))).toList();
		}
		finally {
			applications.values().forEach(ApplicationProcess::close);
		}
	}

	/** What one measured period gave. */
	record Measured(Wrk.Result result, double cpuPerRequest, double cacheHits, long cachedTokens) {

	}

	private static Measured measure(ApplicationProcess application, Subject subject, Loads loads, Duration duration) {
		long[] cacheBefore = cacheCounters(application, subject, loads.token());
		Duration cpuBefore = application.cpuTime();
		Wrk.Result result = loads.of(subject).run(application.url(), duration);
		double cpuPerRequest = application.cpuTime().minus(cpuBefore).toNanos() / 1000.0 / result.requests();
		long[] cacheAfter = cacheCounters(application, subject, loads.token());
		double cacheHits = (cacheBefore == null) ? Double.NaN : hitShare(cacheBefore, cacheAfter);
		long cachedTokens = (cacheAfter == null) ? -1 : cacheAfter[2];
		return new Measured(result, cpuPerRequest, cacheHits, cachedTokens);
	}

	/** Prints the run's line, and fails when the application answered errors. */
	private static Run report(Run run, Path work) {
		Wrk.Result result = run.result();
		System.out.printf(Locale.ROOT,
				"round %d, %-49s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %5.0f us/req"
						+ "  JWKS requests %d  cache hits %s%s  non-2xx %d  socket errors %d%n",
				run.round(), run.subject().label + ":", result.requestsPerSecond(), result.p50Micros() / 1000.0,
				result.p99Micros() / 1000.0, run.cpuMicrosPerRequest(), run.jwksRequests(),
				cacheHits(run.cacheHits(), run.cachedTokens()),
				(run.heapBytes() < 0) ? ""
						: String.format(Locale.ROOT, "  heap after GC %.1f MiB", mebibytes(run.heapBytes())),
				result.non2xx(), result.socketErrors());
		if (result.non2xx() > 0 || result.socketErrors() > 0) {
			throw new IllegalStateException(
					run.subject().label + " answered errors under load; see the logs in " + work);
		}
		return run;
	}

	/**
	 * Before measuring: a valid token is accepted, a request without one is refused, and
	 * only the starter refuses a token issued to another app client of the pool (the
	 * reference has no Cognito checks). The floor answers everything, token or not, with
	 * the same body.
	 */
	private static void check(ApplicationProcess application, Subject subject, String token, String otherClientToken) {
		HttpResponse<String> accepted = application.get(token);
		if (accepted.statusCode() != 200 || !accepted.body().startsWith("hello ")) {
			throw new IllegalStateException(subject.label + " refused a valid token: " + accepted.statusCode());
		}
		if (subject.answersAnybody()) {
			HttpResponse<String> anonymous = application.get(null);
			String expected = "hello " + HelloController.UNSECURED_CALLER;
			if (anonymous.statusCode() != 200 || !anonymous.body().equals(expected)
					|| !accepted.body().equals(expected)) {
				throw new IllegalStateException(subject.label + " is not the unsecured floor: " + anonymous.statusCode()
						+ " " + anonymous.body() + " without a token, " + accepted.body() + " with one");
			}
		}
		int otherClient = application.get(otherClientToken).statusCode();
		int expected = (subject.security == Security.STARTER) ? 401 : 200;
		if (otherClient != expected) {
			throw new IllegalStateException(subject.label + " answered " + otherClient
					+ " to a token of another app client, expected " + expected);
		}
	}

	/**
	 * @return the starter's cache hits and misses so far and the tokens it keeps, or
	 * {@code null} when the application has no validated-token cache
	 */
	private static long[] cacheCounters(ApplicationProcess application, Subject subject, String token) {
		if (subject.security != Security.STARTER || !subject.tokenCache) {
			return null;
		}
		HttpResponse<String> counters = application.get(TokenCacheCounters.PATH, token);
		String[] values = counters.body().split(" ");
		if (counters.statusCode() != 200 || values.length != 3) {
			throw new IllegalStateException(subject.label + " did not tell its cache counters: " + counters.statusCode()
					+ " " + counters.body());
		}
		return new long[] { Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]) };
	}

	private static double hitShare(long[] before, long[] after) {
		long hits = after[0] - before[0];
		long misses = after[1] - before[1];
		return (hits + misses == 0) ? Double.NaN : (double) hits / (hits + misses);
	}

	private static void report(List<Run> runs, Subject[] subjects) {
		System.out.println();
		System.out.println("| Application | req/s (median) | req/s (range) | p50 (ms) | p99 (ms) | req/s vs reference "
				+ "(median of rounds) | app CPU per request (µs) | JWKS requests per run | cache hits | heap after "
				+ "full GC (MiB) |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
		for (Subject subject : subjects) {
			List<Run> own = runs.stream().filter((run) -> run.subject() == subject).toList();
			double[] throughput = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond())
				.sorted()
				.toArray();
			double[] ratios = own.stream()
				.mapToDouble((run) -> run.result().requestsPerSecond() / reference(runs, run.round(), subject.distinct))
				.toArray();
			System.out.printf(Locale.ROOT,
					"| %s | %,.0f | %,.0f to %,.0f | %.2f | %.2f | %s | %.0f | %s | %s | %.1f |%n", subject.label,
					median(throughput), throughput[0], throughput[throughput.length - 1],
					median(own.stream().mapToDouble((run) -> run.result().p50Micros() / 1000.0).toArray()),
					median(own.stream().mapToDouble((run) -> run.result().p99Micros() / 1000.0).toArray()),
					times(median(ratios)), median(own.stream().mapToDouble(Run::cpuMicrosPerRequest).toArray()),
					String.join(", ", own.stream().map((run) -> String.valueOf(run.jwksRequests())).toList()),
					percent(median(own.stream().mapToDouble(Run::cacheHits).toArray())),
					mebibytes((long) median(own.stream().mapToDouble(Run::heapBytes).toArray())));
		}
		System.out.println();
		System.out.println("Latencies, throughput, cache hits and heap are medians over the rounds; the ratio compares "
				+ "each run with the reference run of the same round and the same tokens. Every run:");
		System.out.println();
		System.out
			.println("| Round | Application | req/s | p50 (ms) | p99 (ms) | app CPU per request (µs) | JWKS requests "
					+ "| cache hits, tokens kept at the end | heap after full GC (MiB) |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Run run : runs) {
			System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %.2f | %.2f | %.0f | %d | %s | %.1f |%n", run.round(),
					run.subject().label, run.result().requestsPerSecond(), run.result().p50Micros() / 1000.0,
					run.result().p99Micros() / 1000.0, run.cpuMicrosPerRequest(), run.jwksRequests(),
					cacheHits(run.cacheHits(), run.cachedTokens()), mebibytes(run.heapBytes()));
		}
		reportTargets(runs, subjects);
	}

	/**
	 * The end-to-end targets of issue 18, each a ratio taken within a round (side by
	 * side), then the median over the rounds.
	 */
	private static void reportTargets(List<Run> runs, Subject[] subjects) {
		Subject floor = find(subjects, Security.NONE, false, false);
		Subject reference = find(subjects, Security.PLAIN_BOOT, false, false);
		Subject cached = find(subjects, Security.STARTER, true, false);
		Subject distinctReference = find(subjects, Security.PLAIN_BOOT, false, true);
		Subject distinctCached = find(subjects, Security.STARTER, true, true);
		System.out.println();
		if (cached == null && (distinctCached == null || distinctReference == null)) {
			System.out.println("No targets (issue 18): the runs they compare were not made.");
			return;
		}
		System.out.println("Targets (issue 18): each ratio taken within a round, side by side, then the median of "
				+ "the rounds:");
		System.out.println();
		System.out.println("| Target | ratio per round | median | met |");
		System.out.println("| --- | --- | ---: | --- |");
		target("distinct tokens: the starter's req/s at least 1.1x plain Boot's", runs, distinctCached,
				distinctReference, (run) -> run.result().requestsPerSecond(), (ratio) -> ratio >= 1.1);
		target("distinct tokens: the starter's p99 no worse than plain Boot's (starter / plain Boot)", runs,
				distinctCached, distinctReference, (run) -> run.result().p99Micros(), (ratio) -> ratio <= 1.0);
		target("repeated tokens: the starter's req/s at least 0.8x the unsecured floor's", runs, cached, floor,
				(run) -> run.result().requestsPerSecond(), (ratio) -> ratio >= 0.8);
		target("Spring Security's chain alone against the unsecured floor (for reference, no target here)", runs,
				find(subjects, Security.CHAIN_ONLY, false, false), floor, (run) -> run.result().requestsPerSecond(),
				null);
		target("repeated tokens: the starter's req/s against plain Boot's (for reference, no target here)", runs,
				cached, reference, (run) -> run.result().requestsPerSecond(), null);
	}

	private static void target(String name, List<Run> runs, Subject subject, Subject against,
			ToDoubleFunction<Run> measure, DoublePredicate met) {
		if (subject == null || against == null) {
			return;
		}
		List<Double> ratios = new ArrayList<>();
		for (Run run : runs) {
			if (run.subject() == subject) {
				runs.stream()
					.filter((other) -> other.subject() == against && other.round() == run.round())
					.findFirst()
					.ifPresent((other) -> ratios.add(measure.applyAsDouble(run) / measure.applyAsDouble(other)));
			}
		}
		double median = median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
		System.out.printf(Locale.ROOT, "| %s | %s | %.2fx | %s |%n", name,
				String.join(", ", ratios.stream().map((ratio) -> String.format(Locale.ROOT, "%.2fx", ratio)).toList()),
				median, (met == null) ? "-" : (met.test(median) ? "yes" : "no"));
	}

	private static Subject find(Subject[] subjects, Security security, boolean tokenCache, boolean distinct) {
		return Arrays.stream(subjects)
			.filter((subject) -> subject.security == security && subject.tokenCache == tokenCache
					&& subject.distinct == distinct)
			.findFirst()
			.orElse(null);
	}

	/**
	 * @return the requests per second of the reference's run of the round with the same
	 * tokens, {@code NaN} when it was not run
	 */
	private static double reference(List<Run> runs, int round, boolean distinct) {
		return runs.stream()
			.filter((run) -> run.subject().isReference() && run.subject().distinct == distinct && run.round() == round)
			.mapToDouble((run) -> run.result().requestsPerSecond())
			.findFirst()
			.orElse(Double.NaN);
	}

	private static String cacheHits(double share, long cachedTokens) {
		return (cachedTokens < 0) ? percent(share)
				: String.format(Locale.ROOT, "%s, %,d kept", percent(share), cachedTokens);
	}

	private static String times(double ratio) {
		return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	private static double mebibytes(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return String.join(" ", fields[0], fields[1], fields[2]);
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double median(double[] values) {
		double[] sorted = Arrays.stream(values).filter((value) -> !Double.isNaN(value)).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Map<String, Integer> options(String[] args) {
		Map<String, Integer> options = new LinkedHashMap<>(Map.of("rounds", 3, "warmup", 40, "duration", 30,
				"connections", 32, "threads", 1, "tokens", 100, "distinct-tokens", 20_000, "interleave", 0));
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
