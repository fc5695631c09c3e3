package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Interner;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * Remembers the tokens the delegate has validated, so a client that sends the same token
 * on every request (as every OAuth client does until the token expires) pays for the
 * RS256 verification and the checks once, not per request.
 * <p>
 * What it may and may not do, so that it never accepts a token the delegate would refuse:
 * <ul>
 * <li>only tokens the delegate accepted, in their canonical spelling, are stored; a
 * failure is never stored, and every refusal (with its status and description) comes from
 * the delegate;</li>
 * <li>the key is the whole token, compared exactly: a token differing in one character, a
 * forged signature say, is a different key and goes to the delegate;</li>
 * <li>an entry lives {@code min(maxTtl, exp - now)}, without the clock skew the lifetime
 * check tolerates, and the token's {@code exp} is checked again on every hit: a token
 * that expired while cached goes back to the delegate, which refuses it exactly as it
 * would have without the cache;</li>
 * <li>the number of entries is bounded (Caffeine evicts the least useful ones past
 * {@code maximumSize}).</li>
 * </ul>
 * The key is the token itself ({@link TokenKey}: the whole token compared, a hash of its
 * signature's end) rather than a SHA-256 of it: a digest would cost a hash of the whole
 * token per request (see docs/benchmarks.md for the numbers), and the token string is
 * what a hit's {@link Jwt#getTokenValue()} returns anyway.
 * <p>
 * What is kept of each token is its {@link CompactJwt}: the values that vary per token,
 * with the header, the claim names and the values shared by many tokens kept once per
 * cache; a hit builds a new {@code Jwt} from it, equal to the one the delegate returned,
 * unless the {@code Jwt} the previous hit built is still in use (it is kept weakly). A
 * token whose {@code Jwt} has no exact compact form is kept as the {@code Jwt} itself.
 * <p>
 * Caffeine is an optional dependency: callers check that it is on the class path, and
 * reach this class only through {@link #wrap}, a static call whose signature names no
 * Caffeine type, so nothing of Caffeine is linked without it.
 */
final class ValidatedTokenCache implements JwtDecoder, TokenCacheStatistics, CognitoJwtDecoder.TokenStore {

	/**
	 * Far beyond any Cognito token's lifetime (one day at most), and far from overflowing
	 * Caffeine's nanoseconds.
	 */
	private static final Duration LONGEST_TTL = Duration.ofDays(365);

	/** A power of two: one read in this many is recorded by Caffeine. */
	private static final int RECORDED_READ_EVERY = 8;

	private final JwtDecoder delegate;

	private final Clock clock;

	/** A {@link CompactJwt}, or the {@link Jwt} itself when it has no compact form. */
	private final Cache<TokenKey, Object> validated;

	/** Reads without recording them. */
	private final Policy<TokenKey, Object> quiet;

	/** Hits and misses of the reads not recorded by Caffeine. */
	private final LongAdder quietHits = new LongAdder();

	private final LongAdder quietMisses = new LongAdder();

	/** Puts entries with the lifetime of their token. */
	private final VarExpiration<TokenKey, Object> lifetimes;

	/** One of each layout the kept tokens share, for as long as one of them is kept. */
	private final Interner<CompactJwt.Layout> layouts = Interner.newWeakInterner();

	private final Duration maxTtl;

	private final long maximumSize;

	/**
	 * @param delegate the decoder that verifies and validates
	 * @param maximumSize the most tokens kept
	 * @param maxTtl the longest a token is kept, however far its {@code exp}
	 * @param clock the clock {@code exp} is compared with
	 * @param ticker Caffeine's time source for the entries' lifetimes
	 * @param executor runs Caffeine's maintenance (eviction)
	 */
	ValidatedTokenCache(JwtDecoder delegate, long maximumSize, Duration maxTtl, Clock clock, Ticker ticker,
			Executor executor) {
		Assert.notNull(delegate, "delegate must not be null");
		Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
		Assert.isTrue(maxTtl != null && !maxTtl.isNegative() && !maxTtl.isZero(), "maxTtl must be positive");
		Assert.notNull(clock, "clock must not be null");
		this.delegate = delegate;
		this.clock = clock;
		this.maximumSize = maximumSize;
		this.maxTtl = (maxTtl.compareTo(LONGEST_TTL) < 0) ? maxTtl : LONGEST_TTL;
		// Statistics are a few striped counters per read: cheap enough to keep on, so the
		// cache metrics need no switch.
		this.validated = Caffeine.newBuilder()
			.recordStats()
			.maximumSize(maximumSize)
			.expireAfter(new AsPut())
			.ticker(ticker)
			.executor(executor)
			.build();
		this.quiet = this.validated.policy();
		this.lifetimes = this.quiet.expireVariably().orElseThrow();
	}

	/**
	 * @param delegate the decoder that verifies and validates
	 * @param maximumSize the most tokens kept
	 * @param maxTtl the longest a token is kept, however far its {@code exp}
	 * @param clock the clock {@code exp} is compared with; the entries' lifetimes follow
	 * it too, unless it is the system clock (then Caffeine's monotonic system ticker is
	 * used)
	 * @return the delegate behind a validated-token cache
	 */
	static JwtDecoder wrap(JwtDecoder delegate, long maximumSize, Duration maxTtl, Clock clock) {
		Ticker ticker = isSystemClock(clock) ? Ticker.systemTicker() : () -> clock.millis() * 1_000_000L;
		// Eviction is a few map operations: the request that triggers it does it, no pool
		// thread is involved.
		return new ValidatedTokenCache(delegate, maximumSize, maxTtl, clock, ticker, Runnable::run);
	}

	private static boolean isSystemClock(Clock clock) {
		return clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone());
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt cached = cached(token);
		if (cached != null) {
			return cached;
		}
		Jwt jwt = verify(token);
		// A spelling other than the canonical one, which CognitoJwtDecoder refuses, is
		// not
		// kept (one token, one entry).
		if (CanonicalTokenForm.isCanonical(token)) {
			remember(token, jwt);
		}
		return jwt;
	}

	@Override
	public Jwt cached(String token) {
		TokenKey key = new TokenKey(token);
		Object stored = read(key);
		if (stored != null) {
			Jwt cached = (stored instanceof CompactJwt compact) ? compact.jwt(token) : (Jwt) stored;
			if (this.clock.instant().isBefore(cached.getExpiresAt())) {
				return cached;
			}
			// Expired while cached (Caffeine's ticker and the wall clock need not agree
			// to the nanosecond).
			this.validated.asMap().remove(key, stored);
		}
		return null;
	}

	/**
	 * One read in {@value #RECORDED_READ_EVERY} is recorded (Caffeine's frequency sketch
	 * and access order, which choose what to evict, and its statistics); the others look
	 * the entry up quietly and are counted here. Caffeine's own read buffer already drops
	 * reads when busy; sampling them keeps the hot tokens hot (they are sampled in
	 * proportion) without the buffer drain, under Caffeine's lock, that every few reads
	 * cost on the request's thread, which threads of a busy API contended for. Which read
	 * is recorded is drawn per thread: no counter shared between threads.
	 */
	private Object read(TokenKey key) {
		if ((ThreadLocalRandom.current().nextInt() & (RECORDED_READ_EVERY - 1)) == 0) {
			return this.validated.getIfPresent(key);
		}
		Object stored = this.quiet.getIfPresentQuietly(key);
		((stored != null) ? this.quietHits : this.quietMisses).increment();
		return stored;
	}

	@Override
	public Jwt verify(String token) {
		return this.delegate.decode(token);
	}

	@Override
	public void remember(String token, Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return;
		}
		Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
		// A token accepted only thanks to the clock skew (exp just past) is not worth
		// keeping.
		if (untilExpiry.isNegative() || untilExpiry.isZero()) {
			return;
		}
		CompactJwt compact = CompactJwt.of(jwt, this.layouts::intern);
		// Compared as durations first: a far-future exp would overflow a count of
		// nanoseconds. An entry already there (the same token verified twice at once) is
		// kept as it is: a put never extends a lifetime.
		this.lifetimes.putIfAbsent(new TokenKey(token), (compact != null) ? compact : jwt,
				(untilExpiry.compareTo(this.maxTtl) < 0) ? untilExpiry : this.maxTtl);
	}

	/**
	 * @return the number of tokens kept, after pending evictions
	 */
	@Override
	public long size() {
		this.validated.cleanUp();
		return this.validated.estimatedSize();
	}

	@Override
	public long hitCount() {
		return this.validated.stats().hitCount() + this.quietHits.sum();
	}

	@Override
	public long missCount() {
		return this.validated.stats().missCount() + this.quietMisses.sum();
	}

	@Override
	public long evictionCount() {
		return this.validated.stats().evictionCount();
	}

	@Override
	public long maximumSize() {
		return this.maximumSize;
	}

	/**
	 * Each entry lives until its token's {@code exp} or for {@code maxTtl}, whichever
	 * comes first: {@link #remember} puts it with that lifetime. Reads and overwrites
	 * never extend it, and a put without a lifetime (there is none) would keep nothing.
	 */
	private static final class AsPut implements Expiry<TokenKey, Object> {

		@Override
		public long expireAfterCreate(TokenKey key, Object value, long currentTime) {
			return 0;
		}

		@Override
		public long expireAfterUpdate(TokenKey key, Object value, long currentTime, long currentDuration) {
			return currentDuration;
		}

		@Override
		public long expireAfterRead(TokenKey key, Object value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
