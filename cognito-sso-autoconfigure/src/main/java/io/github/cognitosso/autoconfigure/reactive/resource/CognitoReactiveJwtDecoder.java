package io.github.cognitosso.autoconfigure.reactive.resource;

import java.util.Optional;

import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;

/**
 * The Cognito decoder on WebFlux: the same {@link CognitoJwtDecoder} as on Spring MVC
 * (size limit, validated-token cache, RS256 signature with the pool's
 * {@link CognitoJwkSource}, every Cognito check, the canonical-form check), so a token
 * gets the same verdict on both stacks.
 * <p>
 * A Netty event-loop thread must never block, and the only blocking part of a decoding is
 * a fetch of the key set. So a token is decoded first on the calling thread with the keys
 * in hand only ({@link CognitoJwkSource#withCachedKeysOnly}): a cache hit, or a signature
 * check with a cached key, is CPU work of a few microseconds, answered where the request
 * is. When the decoding would have to fetch (no keys yet, an expired key set, an unknown
 * {@code kid} outside the refetch cooldown), the key source says so before it changes any
 * state, and the decoding runs again on {@link Schedulers#boundedElastic()}, where the
 * fetch may block, with its connect timeout and deadline.
 */
public final class CognitoReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final JwtDecoder delegate;

	private final Scheduler blockingScheduler;

	/**
	 * @param delegate the decoder, normally one built by {@link CognitoJwtDecoders} (its
	 * key source is then a {@link CognitoJwkSource}; any other key source would fetch on
	 * the calling thread)
	 */
	public CognitoReactiveJwtDecoder(JwtDecoder delegate) {
		this(delegate, Schedulers.boundedElastic());
	}

	/**
	 * @param delegate the decoder
	 * @param blockingScheduler where a decoding that needs a key fetch runs
	 */
	public CognitoReactiveJwtDecoder(JwtDecoder delegate, Scheduler blockingScheduler) {
		Assert.notNull(delegate, "delegate must not be null");
		Assert.notNull(blockingScheduler, "blockingScheduler must not be null");
		this.delegate = delegate;
		this.blockingScheduler = blockingScheduler;
	}

	/**
	 * @return the core decoder this one runs, when it is a {@link CognitoJwtDecoder} (for
	 * the validated-token cache's metrics and the {@code cognito} info)
	 */
	public Optional<CognitoJwtDecoder> cognitoDecoder() {
		return (this.delegate instanceof CognitoJwtDecoder cognito) ? Optional.of(cognito) : Optional.empty();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		return Mono.defer(() -> {
			try {
				return Mono.just(CognitoJwkSource.withCachedKeysOnly(() -> this.delegate.decode(token)));
			}
			catch (JwtException ex) {
				if (!CognitoJwkSource.isFetchDeferred(ex)) {
					return Mono.error(ex);
				}
			}
			return Mono.fromCallable(() -> this.delegate.decode(token)).subscribeOn(this.blockingScheduler);
		});
	}

}
