package io.github.cognitosso.benchmarks.decode;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.benchmarks.BenchmarkPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The worst case for the validated-token cache: every token is new to it.
 * {@link #starterDecoderCacheMiss} pays for the verification plus the cache's lookup,
 * insertion and eviction (a cache of 16 entries cycling through 2,048 tokens, so almost
 * every call misses); {@link #starterDecoder} is the same stream without the cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UniqueTokensBenchmark {

	private static final int TOKENS = 2048;

	private BenchmarkPool pool;

	private byte[][] tokens;

	private int next;

	private JwtDecoder starter;

	private JwtDecoder starterCacheMiss;

	@Setup(Level.Trial)
	public void setUp() {
		this.pool = BenchmarkPool.start();
		this.tokens = this.pool.accessTokens(TOKENS)
			.stream()
			.map((token) -> token.getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);
		CognitoProperties pool = this.pool.cognitoProperties();
		this.starter = CognitoJwtDecoders.fromProperties(pool, this.pool.resourceServerProperties(false),
				pool.toEndpoints());
		CognitoResourceServerProperties cached = this.pool.resourceServerProperties(true);
		cached.getTokenCache().setMaximumSize(16);
		this.starterCacheMiss = CognitoJwtDecoders.fromProperties(pool, cached, pool.toEndpoints());
		this.starter.decode(nextToken());
		this.starterCacheMiss.decode(nextToken());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.close();
	}

	private String nextToken() {
		byte[] token = this.tokens[this.next];
		this.next = (this.next + 1) % TOKENS;
		return new String(token, StandardCharsets.US_ASCII);
	}

	@Benchmark
	public Jwt starterDecoder() {
		return this.starter.decode(nextToken());
	}

	@Benchmark
	public Jwt starterDecoderCacheMiss() {
		return this.starterCacheMiss.decode(nextToken());
	}

}
