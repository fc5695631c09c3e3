package io.github.cognitosso.autoconfigure.core;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;

/**
 * Spring Security's {@link NimbusJwtDecoder} (or the starter's decoder that gives the
 * same verdicts, see {@link CognitoJwtDecoderBuilderCustomizer}) with three additions for
 * an internet-facing API: tokens longer than a limit are rejected before any parsing, a
 * token is accepted in its canonical spelling only (unpadded base64url, RFC 7515: see
 * {@link CanonicalTokenForm}), and every failure becomes a {@link BadJwtException} whose
 * message names the failed check without repeating the token. Spring answers a
 * {@code BadJwtException} with 401; any other {@code JwtException} (an unreachable key
 * set, for example) would surface as a 500.
 * <p>
 * Build one with {@link CognitoJwtDecoders}. It holds no Spring context, so it can be
 * wrapped (a validated-token cache) or benchmarked on its own. Each verdict, with the
 * failed check as a {@link BearerTokenRejection}, goes to a
 * {@link CognitoInstrumentation} (the pool's, for decoders built by
 * {@link CognitoJwtDecoders#forPool}).
 */
public final class CognitoJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final int maxTokenLength;

	private final String tooLarge;

	private final Supplier<CognitoInstrumentation> instrumentation;

	/** The delegate, when it is a validated-token cache. */
	private final TokenStore store;

	/**
	 * @param delegate the decoder that verifies and validates (normally the starter's
	 * verifying decoder or a {@link NimbusJwtDecoder}, built by
	 * {@link CognitoJwtDecoders})
	 * @param maxTokenLength the longest token accepted, in characters (a JWT is ASCII:
	 * characters are bytes)
	 */
	public CognitoJwtDecoder(JwtDecoder delegate, int maxTokenLength) {
		this(delegate, maxTokenLength, () -> CognitoInstrumentation.NONE);
	}

	/**
	 * @param delegate the decoder that verifies and validates (normally the starter's
	 * verifying decoder or a {@link NimbusJwtDecoder}, built by
	 * {@link CognitoJwtDecoders})
	 * @param maxTokenLength the longest token accepted, in characters (a JWT is ASCII:
	 * characters are bytes)
	 * @param instrumentation where each verdict is reported, read at every decode (so it
	 * may be set after the decoder is built)
	 */
	public CognitoJwtDecoder(JwtDecoder delegate, int maxTokenLength,
			Supplier<CognitoInstrumentation> instrumentation) {
		Assert.notNull(delegate, "delegate must not be null");
		Assert.isTrue(maxTokenLength > 0, "maxTokenLength must be positive");
		Assert.notNull(instrumentation, "instrumentation must not be null");
		this.delegate = delegate;
		this.maxTokenLength = maxTokenLength;
		this.tooLarge = DecodingFailures.tooLarge(maxTokenLength);
		this.instrumentation = instrumentation;
		this.store = (delegate instanceof TokenStore tokenStore) ? tokenStore : null;
	}

	/**
	 * @return the validated-token cache's counters, when this decoder has the cache
	 */
	public Optional<TokenCacheStatistics> tokenCache() {
		return (this.delegate instanceof TokenCacheStatistics statistics) ? Optional.of(statistics) : Optional.empty();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		CognitoInstrumentation instrumentation = this.instrumentation.get();
		try {
			Jwt jwt = verify(token);
			instrumentation.bearerTokenAccepted();
			return jwt;
		}
		catch (JwtValidationException ex) {
			instrumentation.bearerTokenRejected(BearerTokenRejection.of(ex.getErrors()));
			throw ex;
		}
		catch (JwtException ex) {
			// A fetch deferred off a WebFlux event loop is no verdict: the reactive
			// decoder decodes the token again where it may fetch, and that one counts.
			if (!CognitoJwkSource.isFetchDeferred(ex)) {
				instrumentation.bearerTokenRejected(BearerTokenRejection.of(ex.getMessage()));
			}
			throw ex;
		}
	}

	private Jwt verify(String token) {
		if (token == null || token.isEmpty()) {
			throw new BadJwtException(DecodingFailures.EMPTY);
		}
		if (token.length() > this.maxTokenLength) {
			throw new BadJwtException(this.tooLarge);
		}
		TokenStore store = this.store;
		if (store != null) {
			// Only tokens that passed every check below are stored: a hit needs none.
			Jwt cached = store.cached(token);
			if (cached != null) {
				return cached;
			}
		}
		Jwt jwt;
		try {
			jwt = (store != null) ? store.verify(token) : this.delegate.decode(token);
		}
		catch (JwtValidationException ex) {
			// The validators' descriptions are already safe to show.
			throw ex;
		}
		catch (JwtException ex) {
			throw DecodingFailures.translate(token, ex);
		}
		catch (RuntimeException ex) {
			throw DecodingFailures.translate(token, new JwtException(ex.getMessage(), ex));
		}
		// After verification, so a token that is bad anyway is refused as it always was
		// (a truncated signature still "does not verify"); a valid token in another
		// spelling is refused here.
		if (!CanonicalTokenForm.isCanonical(token)) {
			throw new BadJwtException(DecodingFailures.NOT_CANONICAL);
		}
		if (store != null) {
			store.remember(token, jwt);
		}
		return jwt;
	}

	/**
	 * A validated-token cache seen as its steps, so that the canonical-spelling scan runs
	 * once per verified token and never on a hit. Implemented by the cache, this type
	 * names no Caffeine class, so the decoder links without Caffeine.
	 */
	interface TokenStore {

		/**
		 * @param token the token as received
		 * @return the validated token stored for exactly this token and not yet expired,
		 * or {@code null}
		 */
		Jwt cached(String token);

		/**
		 * @param token a token that is not stored
		 * @return the validated token, from the verifying decoder
		 * @throws JwtException as the verifying decoder throws it
		 */
		Jwt verify(String token);

		/**
		 * @param token a token that passed every check, in its canonical spelling
		 * @param jwt what {@link #verify} returned for it
		 */
		void remember(String token, Jwt jwt);

	}

}
