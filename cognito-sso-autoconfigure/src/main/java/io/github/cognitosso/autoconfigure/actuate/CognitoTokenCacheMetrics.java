package io.github.cognitosso.autoconfigure.actuate;

import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.TokenCacheStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The validated-token cache's meters, under the names Micrometer's
 * {@code CaffeineCacheMetrics} uses ({@code cache.gets} by {@code result},
 * {@code cache.evictions}, {@code cache.size}, {@code cache.max.size}... tagged
 * {@code cache=cognito.validated-tokens}), so the cache dashboards people already have
 * show it. Read through the core's {@link TokenCacheStatistics}, which names no Caffeine
 * type.
 */
final class CognitoTokenCacheMetrics implements MeterBinder {

	static final String CACHE_NAME = "cognito.validated-tokens";

	private final Supplier<TokenCacheStatistics> statistics;

	/**
	 * @param statistics the cache's counters, or a supplier of {@code null} when the
	 * decoder has no cache
	 */
	CognitoTokenCacheMetrics(Supplier<TokenCacheStatistics> statistics) {
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TokenCacheStatistics cache = this.statistics.get();
		if (cache == null) {
			return;
		}
		Tags tags = Tags.of("cache", CACHE_NAME);
		FunctionCounter.builder("cache.gets", cache, TokenCacheStatistics::hitCount)
			.tags(tags)
			.tag("result", "hit")
			.description("Bearer tokens found in the validated-token cache")
			.register(registry);
		FunctionCounter.builder("cache.gets", cache, TokenCacheStatistics::missCount)
			.tags(tags)
			.tag("result", "miss")
			.description("Bearer tokens not in the validated-token cache (verified)")
			.register(registry);
		FunctionCounter.builder("cache.evictions", cache, TokenCacheStatistics::evictionCount)
			.tags(tags)
			.description("Tokens dropped from the validated-token cache (size limit or expiry)")
			.register(registry);
		Gauge.builder("cache.size", cache, TokenCacheStatistics::size)
			.tags(tags)
			.description("Tokens in the validated-token cache")
			.register(registry);
		Gauge.builder("cache.max.size", cache, TokenCacheStatistics::maximumSize)
			.tags(tags)
			.description("The most tokens the validated-token cache keeps")
			.register(registry);
	}

}
