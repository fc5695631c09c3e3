package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.observation.Observation;
import javax.crypto.SecretKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * The pool's signing keys, fetched lazily (never at start-up) and cached, with the
 * refresh rules an internet-facing API needs:
 * <ul>
 * <li>keys are fetched on the first token and again once {@code cacheTtl} has
 * passed;</li>
 * <li>a token naming an unknown {@code kid} (a rotated key, or a forged one) triggers at
 * most one refetch per {@code refetchCooldown}, so a flood of forged kids costs Cognito
 * one request per cooldown;</li>
 * <li>when a fetch fails the cached keys stay in use, and the next attempt waits for the
 * cooldown;</li>
 * <li>one fetch at a time; while an expired key set is being refreshed, other requests
 * keep using it, and a token naming an unknown kid while a fetch is running, or within
 * the cooldown, is refused at once: only the very first token (no keys yet) waits for a
 * fetch.</li>
 * </ul>
 * Nimbus' {@code JWKSourceBuilder} composes similar layers, but its rate limiter allows
 * two fetches per interval and also throttles the periodic refresh, so a stream of forged
 * kids could block it; it reads the system clock, which keeps tests from controlling
 * time. This class keeps those rules in one place.
 * <p>
 * A thread that must never block (a Netty event loop) runs its decoding inside
 * {@link #withCachedKeysOnly}: the cached keys serve it as usual, and wherever this class
 * would fetch (no keys yet, an expired key set this thread would refresh, an unknown kid
 * outside the cooldown) it throws instead, before any state changes, so the caller can
 * run the same decoding again where blocking is allowed ({@link #isFetchDeferred}). The
 * rules above are the same on both runs: the deferred run does the fetch the first one
 * would have done. It also keeps what an operator needs to see ({@link #status()}: keys
 * cached, when they were fetched, the last failure), observes each fetch as
 * {@code cognito.jwks.fetch} with the registry of its {@link CognitoInstrumentation}, and
 * hands that instrumentation to the decoders built on these keys, so a pool is
 * instrumented in one place whatever web stack decodes its tokens.
 */
public final class CognitoJwkSource implements JWKSource<SecurityContext> {

	private static final Log logger = LogFactory.getLog(CognitoJwkSource.class);

	/** Set while a thread that must not block asks for keys. */
	private static final ThreadLocal<Boolean> CACHED_KEYS_ONLY = new ThreadLocal<>();

	private final JwkSetLoader loader;

	private final Duration cacheTtl;

	private final Duration refetchCooldown;

	private final Clock clock;

	private final ReentrantLock fetchLock = new ReentrantLock();

	private volatile Keys keys;

	/** Guarded by fetchLock: when the last refetch for an unknown kid happened. */
	private Instant lastUnknownKeyRefetch;

	/** Guarded by fetchLock: no fetch before this instant (set after a failure). */
	private Instant retryNotBefore;

	private volatile CognitoInstrumentation instrumentation = CognitoInstrumentation.NONE;

	/** When the last fetch succeeded, {@code null} before the first success. */
	private volatile Instant lastSuccess;

	/** The last failed fetch, cleared by a success. */
	private volatile Failure lastFailure;

	/**
	 * @param jwkSetUri the JWKS URL
	 * @param cacheTtl how long fetched keys are used before they are fetched again
	 * @param refetchCooldown minimum time between refetches for unknown kids, and between
	 * attempts after a failure; at least one second
	 * @param connectTimeout connect timeout of a fetch
	 * @param readTimeout the longest a fetch may take in all, from the request to the
	 * last byte of the answer
	 * @param clock the clock to read the time from
	 */
	public CognitoJwkSource(URI jwkSetUri, Duration cacheTtl, Duration refetchCooldown, Duration connectTimeout,
			Duration readTimeout, Clock clock) {
		Assert.notNull(jwkSetUri, "jwkSetUri must not be null");
		Assert.isTrue(isPositive(cacheTtl), "cacheTtl must be positive");
		Assert.isTrue(
				refetchCooldown != null && refetchCooldown.compareTo(CognitoJwtDecoders.MIN_REFETCH_COOLDOWN) >= 0,
				"refetchCooldown must be at least " + CognitoJwtDecoders.MIN_REFETCH_COOLDOWN);
		Assert.isTrue(isPositive(connectTimeout), "connectTimeout must be positive");
		Assert.isTrue(isPositive(readTimeout), "readTimeout must be positive");
		Assert.notNull(clock, "clock must not be null");
		this.loader = new JwkSetLoader(jwkSetUri, connectTimeout, readTimeout);
		this.cacheTtl = cacheTtl;
		this.refetchCooldown = refetchCooldown;
		this.clock = clock;
	}

	/**
	 * @param instrumentation where this pool's key fetches are observed and the verdicts
	 * of the decoders built on these keys are reported (set by the auto-configuration)
	 */
	public void setInstrumentation(CognitoInstrumentation instrumentation) {
		Assert.notNull(instrumentation, "instrumentation must not be null");
		this.instrumentation = instrumentation;
	}

	/**
	 * @return this pool's instrumentation, {@link CognitoInstrumentation#NONE} unless one
	 * was set
	 */
	public CognitoInstrumentation instrumentation() {
		return this.instrumentation;
	}

	/**
	 * @return the JWKS URL
	 */
	public URI jwkSetUri() {
		return this.loader.uri();
	}

	/**
	 * What the key cache holds now, without any network call.
	 * @return the cached keys and the last fetches' outcomes
	 */
	public Status status() {
		Keys current = this.keys;
		Failure failure = this.lastFailure;
		return new Status(this.loader.uri(), (current != null) ? current.set().getKeys().size() : 0,
				current != null && this.clock.millis() >= current.expiresAtMillis(),
				Optional.ofNullable(this.lastSuccess), Optional.ofNullable(failure).map(Failure::at),
				Optional.ofNullable(failure).map(Failure::message), this.clock.instant());
	}

	/**
	 * Fetches the keys when a token would: when none are cached yet or the cached ones
	 * are past {@code cacheTtl}, and never within the cooldown after a failure; otherwise
	 * no network call. The health contributor's probe: at most one fetch per TTL (or per
	 * cooldown while the endpoint fails), bounded by the fetch's deadline, and never a
	 * refetch for an unknown kid.
	 * @return the status after the fetch, if one was due
	 */
	public Status refreshIfDue() {
		Keys current = this.keys;
		try {
			if (current == null) {
				loadFirst();
			}
			else if (this.clock.millis() >= current.expiresAtMillis()) {
				refreshExpired(current);
			}
		}
		catch (KeySourceException ex) {
			// Recorded as the last failure by fetch(), or a back-off: the status says so.
		}
		return status();
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	/**
	 * Runs a decoding with the keys in hand only: any key source of this class that would
	 * have to fetch the key set throws a {@link KeySourceException} that
	 * {@link #isFetchDeferred} recognises, without changing its state (cooldown,
	 * back-off, cached keys).
	 * @param <T> the result type
	 * @param action the decoding
	 * @return what the action returns
	 */
	public static <T> T withCachedKeysOnly(Supplier<T> action) {
		Boolean previous = CACHED_KEYS_ONLY.get();
		CACHED_KEYS_ONLY.set(Boolean.TRUE);
		try {
			return action.get();
		}
		finally {
			if (previous == null) {
				CACHED_KEYS_ONLY.remove();
			}
		}
	}

	/**
	 * @param failure a decoding failure, as thrown by the decoder (the key source's
	 * exception is one of its causes)
	 * @return whether the decoding failed only because it ran {@link #withCachedKeysOnly
	 * with the cached keys only} and needed a fetch
	 */
	public static boolean isFetchDeferred(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof FetchDeferredException) {
				return true;
			}
		}
		return false;
	}

	private void deferIfCachedKeysOnly() throws FetchDeferredException {
		if (Boolean.TRUE.equals(CACHED_KEYS_ONLY.get())) {
			throw new FetchDeferredException(this.loader.uri());
		}
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		Keys current = this.keys;
		if (current == null) {
			deferIfCachedKeysOnly();
			current = loadFirst();
		}
		else if (this.clock.millis() >= current.expiresAtMillis()) {
			current = refreshExpired(current);
		}
		List<JWK> matches = selector.select(current.set());
		if (!matches.isEmpty()) {
			return matches;
		}
		Keys refetched = refetchForUnknownKey(current);
		return (refetched != current) ? selector.select(refetched.set()) : matches;
	}

	private Keys loadFirst() throws KeySourceException {
		this.fetchLock.lock();
		try {
			Keys current = this.keys;
			if (current != null) {
				return current;
			}
			if (inBackoff()) {
				throw new KeySourceException("The JSON Web Key Set of " + this.loader.uri()
						+ " is unavailable: the last fetch failed less than " + this.refetchCooldown + " ago");
			}
			return fetch();
		}
		finally {
			this.fetchLock.unlock();
		}
	}

	private Keys refreshExpired(Keys stale) throws FetchDeferredException {
		if (!this.fetchLock.tryLock()) {
			return stale;
		}
		try {
			Keys current = this.keys;
			if (current != stale || inBackoff()) {
				return current;
			}
			deferIfCachedKeysOnly();
			return fetch();
		}
		catch (FetchDeferredException ex) {
			throw ex;
		}
		catch (KeySourceException ex) {
			return stale;
		}
		finally {
			this.fetchLock.unlock();
		}
	}

	private Keys refetchForUnknownKey(Keys seen) throws FetchDeferredException {
		// Never wait: while a fetch runs, another unknown kid is refused at once rather
		// than held for as long as
		// Cognito takes to answer (a forged kid costs nothing to make; the fetch in
		// flight is the one answer anyway).
		if (!this.fetchLock.tryLock()) {
			return seen;
		}
		try {
			Keys current = this.keys;
			if (current != seen) {
				return current;
			}
			Instant now = this.clock.instant();
			if (this.lastUnknownKeyRefetch != null
					&& now.isBefore(this.lastUnknownKeyRefetch.plus(this.refetchCooldown)) || inBackoff()) {
				return seen;
			}
			deferIfCachedKeysOnly();
			this.lastUnknownKeyRefetch = now;
			if (logger.isDebugEnabled()) {
				logger.debug("A token names a key that is not in the cached key set; fetching " + this.loader.uri());
			}
			return fetch();
		}
		catch (FetchDeferredException ex) {
			throw ex;
		}
		catch (KeySourceException ex) {
			return seen;
		}
		finally {
			this.fetchLock.unlock();
		}
	}

	/** Called with fetchLock held. */
	private boolean inBackoff() {
		return this.retryNotBefore != null && this.clock.instant().isBefore(this.retryNotBefore);
	}

	/** Called with fetchLock held. */
	private Keys fetch() throws KeySourceException {
		Observation observation = Observation
			.createNotStarted("cognito.jwks.fetch", this.instrumentation.observationRegistry())
			.contextualName("cognito jwks fetch")
			.highCardinalityKeyValue("uri", this.loader.uri().toString())
			.start();
		try {
			JWKSet set = this.loader.load();
			Keys fetched = Keys.of(set, this.clock.millis() + this.cacheTtl.toMillis());
			this.keys = fetched;
			this.retryNotBefore = null;
			this.lastSuccess = this.clock.instant();
			this.lastFailure = null;
			observation.lowCardinalityKeyValue("outcome", "success");
			return fetched;
		}
		catch (KeySourceException ex) {
			observation.lowCardinalityKeyValue("outcome", "failure").error(ex);
			this.lastFailure = new Failure(this.clock.instant(), ex.getMessage());
			this.retryNotBefore = this.clock.instant().plus(this.refetchCooldown);
			if (logger.isWarnEnabled()) {
				logger.warn(ex.getMessage() + ((this.keys != null) ? "; the cached keys stay in use" : "")
						+ "; next attempt in " + this.refetchCooldown.toSeconds() + "s at the earliest");
			}
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * The Java keys of JWKs this source returned, as Nimbus' key selector would convert
	 * them ({@link KeyConverter}: public and secret keys, never a private key), but
	 * converted once when the key set was fetched rather than on every token.
	 * @param jwks keys returned by {@link #get}
	 * @return their Java keys
	 */
	List<Key> javaKeys(List<JWK> jwks) {
		Keys current = this.keys;
		List<Key> javaKeys = new ArrayList<>(jwks.size());
		for (JWK jwk : jwks) {
			List<Key> converted = (current != null) ? current.javaKeys().get(jwk) : null;
			// A key of a set replaced since get() returned it: converted as Nimbus would.
			javaKeys.addAll((converted != null) ? converted : verificationKeys(jwk));
		}
		return javaKeys;
	}

	/**
	 * @param key a key returned by {@link #javaKeys}
	 * @return the RS256/384/512 and PS256/384/512 verifier built for it when the key set
	 * was fetched (Nimbus verifiers are thread-safe), {@code null} for a key of another
	 * type or of a set replaced since
	 */
	JWSVerifier rsaVerifier(Key key) {
		Keys current = this.keys;
		return (current != null) ? current.rsaVerifiers().get(key) : null;
	}

	private static List<Key> verificationKeys(JWK jwk) {
		List<Key> keys = new ArrayList<>(1);
		for (Key key : KeyConverter.toJavaKeys(List.of(jwk))) {
			if (key instanceof PublicKey || key instanceof SecretKey) {
				keys.add(key);
			}
		}
		return keys;
	}

	/**
	 * What the key cache holds, for health reports.
	 *
	 * @param jwkSetUri the JWKS URL
	 * @param keyCount how many keys are cached (0 before the first successful fetch)
	 * @param stale whether the cached keys are past {@code cacheTtl} (still used while a
	 * refresh fails)
	 * @param lastSuccess when the last successful fetch ended
	 * @param lastFailureAt when the last failed fetch ended, if none succeeded since
	 * @param lastFailure the last failed fetch's message (names the URL and the cause,
	 * never a token), if none succeeded since
	 * @param now when this status was taken
	 */
	public record Status(URI jwkSetUri, int keyCount, boolean stale, Optional<Instant> lastSuccess,
			Optional<Instant> lastFailureAt, Optional<String> lastFailure, Instant now) {

		/**
		 * @return whether tokens can be verified: keys are cached (even stale ones)
		 */
		public boolean hasKeys() {
			return this.keyCount > 0;
		}

		/**
		 * @return how long ago the last successful fetch ended
		 */
		public Optional<Duration> age() {
			return this.lastSuccess.map((at) -> Duration.between(at, this.now));
		}

	}

	private record Failure(Instant at, String message) {

	}

	/**
	 * Thrown instead of a fetch while {@link #withCachedKeysOnly} is in effect.
	 */
	private static final class FetchDeferredException extends KeySourceException {

		private static final long serialVersionUID = 1L;

		FetchDeferredException(URI uri) {
			super("The JSON Web Key Set of " + uri + " must be fetched; deferred to a thread that may block");
		}

	}

	/**
	 * A fetched key set, the time (epoch millis) until which it is used without
	 * refetching, and what verifying with its keys needs, built once: each JWK's Java
	 * keys and each RSA public key's verifier (both by identity: the selector hands back
	 * the set's own JWK instances, and the processor hands back the keys given to it).
	 */
	private record Keys(JWKSet set, long expiresAtMillis, Map<JWK, List<Key>> javaKeys,
			Map<Key, JWSVerifier> rsaVerifiers) {

		static Keys of(JWKSet set, long expiresAtMillis) {
			Map<JWK, List<Key>> javaKeys = new IdentityHashMap<>();
			Map<Key, JWSVerifier> rsaVerifiers = new IdentityHashMap<>();
			for (JWK jwk : set.getKeys()) {
				List<Key> keys;
				try {
					keys = verificationKeys(jwk);
				}
				catch (RuntimeException ex) {
					// Left to the per-token conversion, which fails for it as before.
					continue;
				}
				javaKeys.put(jwk, keys);
				for (Key key : keys) {
					if (key instanceof RSAPublicKey rsa) {
						rsaVerifiers.put(key, new RSASSAVerifier(rsa));
					}
				}
			}
			return new Keys(set, expiresAtMillis, javaKeys, rsaVerifiers);
		}

	}

}
