package io.github.cognitosso.test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The simulated pool's signing keys. Like Cognito's JWKS it usually publishes two keys;
 * the newest signs. Rotation keeps the previous key published until
 * {@link #retireOldKeys()}, as a real rotation would.
 */
final class KeyRing {

	private final List<RSAKey> keys = new ArrayList<>();

	KeyRing() {
		this.keys.add(generate());
		this.keys.add(generate());
	}

	synchronized RSAKey signingKey() {
		return this.keys.get(this.keys.size() - 1);
	}

	synchronized void rotate() {
		this.keys.add(generate());
	}

	synchronized void retireOldKeys() {
		RSAKey current = signingKey();
		this.keys.clear();
		this.keys.add(current);
	}

	synchronized List<RSAKey> publicKeys() {
		return this.keys.stream().map(RSAKey::toPublicJWK).toList();
	}

	synchronized String jwksJson() {
		return new JWKSet(new ArrayList<>(publicKeys())).toString();
	}

	private static RSAKey generate() {
		try {
			// Cognito's kids are base64 strings; a UUID keeps them unique and readable.
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}
