package io.github.cognitosso.benchmarks.decode;

import java.util.concurrent.TimeUnit;

import io.github.cognitosso.autoconfigure.servlet.resource.CognitoBearerTokenResolver;
import io.github.cognitosso.benchmarks.BenchmarkPool;
import jakarta.servlet.http.HttpServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The step before validation, on every request: finding the token in the
 * {@code Authorization} header of a request as the filter chain sees it (wrapped by
 * Spring Security's {@code StrictHttpFirewall}, which validates a header value each time
 * it is read). Spring's {@code DefaultBearerTokenResolver} next to the starter's
 * resolver.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BearerTokenResolutionBenchmark {

	private final StrictHttpFirewall firewall = new StrictHttpFirewall();

	private final BearerTokenResolver plain = new DefaultBearerTokenResolver();

	private final BearerTokenResolver starter = new CognitoBearerTokenResolver();

	private MockHttpServletRequest request;

	@Setup(Level.Trial)
	public void setUp() {
		try (BenchmarkPool pool = BenchmarkPool.start()) {
			this.request = new MockHttpServletRequest("GET", "/api/hello");
			this.request.addHeader("Authorization", "Bearer " + pool.accessToken(1));
		}
	}

	private HttpServletRequest firewalled() {
		return this.firewall.getFirewalledRequest(this.request);
	}

	@Benchmark
	public String plainDefaultBearerTokenResolver() {
		return this.plain.resolve(firewalled());
	}

	@Benchmark
	public String starterResolver() {
		return this.starter.resolve(firewalled());
	}

}
