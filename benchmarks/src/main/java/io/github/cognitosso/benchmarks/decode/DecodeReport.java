package io.github.cognitosso.benchmarks.decode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the token-validation benchmarks in one JMH run and prints the Markdown tables of
 * docs/benchmarks.md: ns/op of each, and the ratios the performance targets are about.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.decode.DecodeReport [JMH options]
 * </pre>
 *
 * JMH options (for example {@code -f 2 -wi 5 -i 10}) override the defaults of the
 * benchmark classes.
 */
public final class DecodeReport {

	private DecodeReport() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions commandLine = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(commandLine);
		if (commandLine.getIncludes().isEmpty()) {
			builder.include(TokenValidationBenchmark.class.getName())
				.include(UniqueTokensBenchmark.class.getName())
				.include(CacheKeyBenchmark.class.getName())
				.include(AuthenticationConversionBenchmark.class.getName())
				.include(BearerTokenResolutionBenchmark.class.getName());
		}
		Options options = builder.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Result<?>> scores = new LinkedHashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			scores.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result.getPrimaryResult());
		}
		System.out.println();
		System.out.println("| Benchmark | ns/op | ± (99.9%) |");
		System.out.println("| --- | ---: | ---: |");
		scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %,.0f |%n", name,
				score.getScore(), score.getScoreError()));
		System.out.println();
		System.out.println("| Ratio | Value |");
		System.out.println("| --- | ---: |");
		ratio(scores, "3/1: starter / JDK signature only", "TokenValidationBenchmark.starterDecoder",
				"TokenValidationBenchmark.jdkSignatureOnly");
		ratio(scores, "3/2: starter / plain NimbusJwtDecoder", "TokenValidationBenchmark.starterDecoder",
				"TokenValidationBenchmark.plainNimbusJwtDecoder");
		ratio(scores, "starter / plain NimbusJwtDecoder with issuer", "TokenValidationBenchmark.starterDecoder",
				"TokenValidationBenchmark.plainNimbusJwtDecoderWithIssuer");
		ratio(scores, "plain NimbusJwtDecoder / starter with cache, repeated token (times cheaper)",
				"TokenValidationBenchmark.plainNimbusJwtDecoder", "TokenValidationBenchmark.starterDecoderCachedToken");
		ratio(scores, "starter with cache, every token new / starter without cache",
				"UniqueTokensBenchmark.starterDecoderCacheMiss", "UniqueTokensBenchmark.starterDecoder");
		ratio(scores, "starter / plain bearer-token resolution", "BearerTokenResolutionBenchmark.starterResolver",
				"BearerTokenResolutionBenchmark.plainDefaultBearerTokenResolver");
		ratio(scores, "SHA-256 key / token key (cache hit)", "CacheKeyBenchmark.sha256KeyReusedDigest",
				"CacheKeyBenchmark.tokenKey");
	}

	private static void ratio(Map<String, Result<?>> scores, String label, String numerator, String denominator) {
		Result<?> top = scores.get(numerator);
		Result<?> bottom = scores.get(denominator);
		if (top != null && bottom != null) {
			System.out.printf(Locale.ROOT, "| %s | %.2f |%n", label, top.getScore() / bottom.getScore());
		}
	}

}
