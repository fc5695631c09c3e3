package io.github.cognitosso.benchmarks.decode;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.benchmarks.BenchmarkPool;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Measures the heap one validated-token cache entry takes (the token, its key, the
 * compact form of its headers and claims, Caffeine's bookkeeping): the heap in use after
 * a full GC, before and after a decoder with the cache has seen N new tokens, each twice
 * (a miss that stores it, then a hit, so that what a hit leaves in the entry is counted
 * too). An estimate, not a benchmark; it sizes
 * {@code cognito.resource-server.token-cache.maximum-size}. The cache's bound is 2N, so
 * nothing is evicted; Caffeine's frequency sketch, sized by that bound, is counted in
 * (about 26 bytes per entry here, 13 in a full cache).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.cognitosso.benchmarks.decode.TokenCacheFootprint [N]
 * </pre>
 */
public final class TokenCacheFootprint {

	private TokenCacheFootprint() {
	}

	public static void main(String[] args) throws InterruptedException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		try (BenchmarkPool pool = BenchmarkPool.start()) {
			List<byte[]> tokens = pool.accessTokens(count)
				.stream()
				.map((token) -> token.getBytes(StandardCharsets.US_ASCII))
				.toList();
			CognitoProperties properties = pool.cognitoProperties();
			CognitoResourceServerProperties resourceServer = pool.resourceServerProperties(true);
			resourceServer.getTokenCache().setMaximumSize(count * 2L);
			JwtDecoder decoder = CognitoJwtDecoders.fromProperties(properties, resourceServer,
					properties.toEndpoints());
			// Keys fetched and classes loaded before the baseline.
			decoder.decode(pool.accessToken(count + 1));
			long before = usedAfterGc();
			for (byte[] token : tokens) {
				decoder.decode(new String(token, StandardCharsets.US_ASCII));
				decoder.decode(new String(token, StandardCharsets.US_ASCII));
			}
			long after = usedAfterGc();
			System.out.printf(Locale.ROOT, "%d tokens of %d characters: %,d bytes per cache entry%n", count,
					tokens.get(0).length, (after - before) / count);
			// Keeps the decoder, and so its cache, reachable until measured.
			decoder.decode(new String(tokens.get(0), StandardCharsets.US_ASCII));
		}
	}

	private static long usedAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
