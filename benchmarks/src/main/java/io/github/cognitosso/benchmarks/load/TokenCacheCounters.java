package io.github.cognitosso.benchmarks.load;

import java.util.Optional;

import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.TokenCacheStatistics;
import io.github.cognitosso.autoconfigure.reactive.resource.CognitoReactiveJwtDecoder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter's validated-token cache counters, for the load benchmark to tell how many
 * requests of a run were cache hits (with distinct tokens beyond the cache's size, that
 * is up to Caffeine's admission policy). Served by the starter's applications on Spring
 * MVC and on WebFlux, behind the same chain as the API: {@code hits misses size} (the
 * last the tokens kept now), or {@code none} without a cache.
 */
@RestController
public class TokenCacheCounters {

	static final String PATH = "/bench/token-cache";

	private final ObjectProvider<JwtDecoder> decoders;

	private final ObjectProvider<ReactiveJwtDecoder> reactiveDecoders;

	TokenCacheCounters(ObjectProvider<JwtDecoder> decoders, ObjectProvider<ReactiveJwtDecoder> reactiveDecoders) {
		this.decoders = decoders;
		this.reactiveDecoders = reactiveDecoders;
	}

	@GetMapping(PATH)
	public String counters() {
		return cache().map((cache) -> cache.hitCount() + " " + cache.missCount() + " " + cache.size()).orElse("none");
	}

	private Optional<TokenCacheStatistics> cache() {
		if (this.decoders.getIfAvailable() instanceof CognitoJwtDecoder decoder) {
			return decoder.tokenCache();
		}
		if (this.reactiveDecoders.getIfAvailable() instanceof CognitoReactiveJwtDecoder decoder) {
			return decoder.cognitoDecoder().flatMap(CognitoJwtDecoder::tokenCache);
		}
		return Optional.empty();
	}

}
