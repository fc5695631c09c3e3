package io.github.cognitosso.autoconfigure.core;

/**
 * The validated-token cache's counters, for metrics, without naming a Caffeine type (the
 * cache is optional, and so is Caffeine on the class path). Each read is a snapshot.
 */
public interface TokenCacheStatistics {

	/**
	 * @return how many bearer tokens were found in the cache (not verified again)
	 */
	long hitCount();

	/**
	 * @return how many bearer tokens were not in the cache (and went to verification)
	 */
	long missCount();

	/**
	 * @return how many entries the cache dropped to stay within its maximum size or
	 * because their token expired
	 */
	long evictionCount();

	/**
	 * @return the approximate number of tokens kept
	 */
	long size();

	/**
	 * @return the most tokens kept
	 * ({@code cognito.resource-server.token-cache.maximum-size})
	 */
	long maximumSize();

}
