package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The RSA key that signs the gateway's assertions: read from
 * {@code cognito.gateway.assertion.key-location} (a PEM PKCS#8 private key or a JWK), so
 * that every instance behind a load balancer signs with the same key and publishes the
 * same key set, or made at start-up when the property is unset. Its {@code kid} is the
 * key's RFC 7638 thumbprint (a JWK's own {@code kid} is kept), so it stays the same
 * across restarts and instances.
 * <p>
 * A key that cannot sign fails the start-up with the property and the fix; the key's
 * content never appears in a message.
 */
final class AssertionSigningKey {

	static final String PROPERTY = "cognito.gateway.assertion.key-location";

	private static final int MINIMUM_BITS = 2048;

	private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PKCS8_END = "-----END PRIVATE KEY-----";

	private AssertionSigningKey() {
	}

	/**
	 * @return a new 2048-bit key, in memory only
	 */
	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(MINIMUM_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the gateway's assertion signing key", ex);
		}
	}

	/**
	 * @param location the property's value, a Spring resource location
	 * ({@code file:/etc/gateway/assertion-key.pem}, {@code classpath:...})
	 * @return the private key with its public half and a stable {@code kid}
	 * @throws CognitoConfigurationException when the resource cannot be read or holds no
	 * RSA private key of at least 2048 bits
	 */
	static RSAKey load(String location, ResourceLoader resourceLoader) {
		String content = read(location, resourceLoader.getResource(location.trim()));
		RSAKey key = content.trim().startsWith("{") ? fromJwk(location, content) : fromPem(location, content);
		if (key.size() < MINIMUM_BITS) {
			throw invalid(location, "the RSA key has " + key.size() + " bits; RS256 needs at least 2048.",
					"Supply an RSA key of 2048 bits or more.");
		}
		try {
			RSAKey.Builder builder = new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
			return (key.getKeyID() != null) ? builder.build() : builder.keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw invalid(location, "the key's thumbprint cannot be computed.", "Supply a valid RSA private key.");
		}
	}

	private static String read(String location, Resource resource) {
		if (!resource.exists()) {
			throw invalid(location, "there is no file at this location.",
					"Point it to a readable PEM (PKCS#8) or JWK file with the gateway's RSA private key, "
							+ "for example file:/etc/gateway/assertion-key.pem.");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw invalid(location, "the file cannot be read (" + ex.getClass().getSimpleName() + ").",
					"Make the file readable by the gateway's user.");
		}
	}

	private static RSAKey fromJwk(String location, String content) {
		JWK jwk;
		try {
			jwk = JWK.parse(content);
		}
		catch (ParseException ex) {
			throw invalid(location, "the file is not a valid JWK.",
					"Supply one JWK object (not a key set) with an RSA private key, or a PEM PKCS#8 file.");
		}
		if (!(jwk instanceof RSAKey rsa)) {
			throw invalid(location, "the JWK holds a " + jwk.getKeyType() + " key; the assertions are signed RS256.",
					"Supply an RSA private key (kty RSA).");
		}
		if (!rsa.isPrivate()) {
			throw invalid(location, "the JWK holds a public key only; signing needs the private key.",
					"Supply the private key (with its d member); upstreams get the public half from the key set.");
		}
		return rsa;
	}

	private static RSAKey fromPem(String location, String content) {
		if (content.contains("-----BEGIN RSA PRIVATE KEY-----")) {
			throw invalid(location, "the PEM holds a PKCS#1 key (BEGIN RSA PRIVATE KEY).",
					"Convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem -out assertion-key.pem");
		}
		if (content.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
			throw invalid(location, "the PEM key is encrypted.",
					"Supply an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt) and protect the file instead.");
		}
		int begin = content.indexOf(PKCS8_BEGIN);
		int end = content.indexOf(PKCS8_END);
		if (begin < 0 || end < begin) {
			throw invalid(location, "the file holds neither a PEM private key (BEGIN PRIVATE KEY) nor a JWK.",
					"Supply a PEM PKCS#8 RSA private key (openssl genpkey -algorithm RSA "
							+ "-pkeyopt rsa_keygen_bits:2048) or a JWK file.");
		}
		String body = content.substring(begin + PKCS8_BEGIN.length(), end);
		KeyFactory factory;
		PrivateKey privateKey;
		try {
			factory = KeyFactory.getInstance("RSA");
			privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw invalid(location, "the PEM private key is not an RSA key (an EC or Ed25519 key, or damaged).",
					"Supply an RSA private key: the assertions are signed RS256.");
		}
		if (!(privateKey instanceof RSAPrivateCrtKey rsa)) {
			throw invalid(location, "the RSA key lacks the parts its public key is computed from.",
					"Supply a complete PKCS#8 RSA private key as openssl writes it.");
		}
		try {
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(rsa).build();
		}
		catch (GeneralSecurityException ex) {
			throw invalid(location, "the key's public half cannot be computed.", "Supply a valid RSA private key.");
		}
	}

	private static CognitoConfigurationException invalid(String location, String problem, String action) {
		return new CognitoConfigurationException(PROPERTY, location, problem, action);
	}

}
