package io.github.cognitosso.autoconfigure.core;

import java.security.Key;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Nimbus' {@link JWSVerificationKeySelector}, step for step (the algorithm allowed, a
 * {@link JWKMatcher} from the header, the matching JWKs of the source, their public and
 * secret keys), except that the keys come from the {@link CognitoJwkSource} as converted
 * when the key set was fetched: Nimbus converts each matching JWK to an
 * {@code RSAPublicKey} again for every token (base64 of the modulus and the exponent, a
 * {@code KeyFactory}), about 3 µs that check nothing (docs/benchmarks.md).
 */
final class PreparedKeySelector implements JWSKeySelector<SecurityContext> {

	private final JWSVerificationKeySelector<SecurityContext> algorithms;

	private final CognitoJwkSource keys;

	/**
	 * @param algorithms the selector Spring built, which says which algorithms are
	 * allowed (RS256, unless a customizer chose others)
	 * @param keys its key source
	 */
	PreparedKeySelector(JWSVerificationKeySelector<SecurityContext> algorithms, CognitoJwkSource keys) {
		this.algorithms = algorithms;
		this.keys = keys;
	}

	@Override
	public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		JWKSelector selector = selectorFor(header);
		return (selector != null) ? select(selector, context) : List.of();
	}

	/**
	 * The first half of {@link #selectJWSKeys}, which depends on the header only (so a
	 * caller may keep it for a header it sees again).
	 * @param header a JWS header
	 * @return the selector of the keys that may verify it, {@code null} when none may (an
	 * algorithm not allowed, or one with no matcher)
	 */
	JWKSelector selectorFor(JWSHeader header) {
		if (!this.algorithms.isAllowed(header.getAlgorithm())) {
			return null;
		}
		JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
		return (matcher != null) ? new JWKSelector(matcher) : null;
	}

	/**
	 * The second half of {@link #selectJWSKeys}: the source's keys, fetched if needed.
	 * @param selector what {@link #selectorFor} returned
	 * @param context the security context, if any
	 * @return the matching keys as Java keys
	 * @throws KeySourceException as the key source throws it
	 */
	List<Key> select(JWKSelector selector, SecurityContext context) throws KeySourceException {
		List<JWK> matches = this.keys.get(selector, context);
		return this.keys.javaKeys(matches);
	}

}
