package io.github.cognitosso.autoconfigure.core;

import java.security.Key;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;

/**
 * Hands Nimbus' processor the {@code RSASSAVerifier} built once per key of the
 * {@link CognitoJwkSource} (thread-safe: it keeps only the key and a critical-header
 * policy), where {@link DefaultJWSVerifierFactory} builds a new one for every token. Any
 * other key or algorithm goes to the default factory, so what verifies and what does not
 * is Nimbus' decision either way.
 */
final class PreparedVerifierFactory implements JWSVerifierFactory {

	private final DefaultJWSVerifierFactory fallback = new DefaultJWSVerifierFactory();

	private final CognitoJwkSource keys;

	PreparedVerifierFactory(CognitoJwkSource keys) {
		this.keys = keys;
	}

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
		JWSVerifier prepared = this.keys.rsaVerifier(key);
		if (prepared != null && prepared.supportedJWSAlgorithms().contains(header.getAlgorithm())) {
			return prepared;
		}
		return this.fallback.createJWSVerifier(header, key);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.fallback.supportedJWSAlgorithms();
	}

	@Override
	public JCAContext getJCAContext() {
		return this.fallback.getJCAContext();
	}

}
