package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertion signing key read from {@code cognito.gateway.assertion.key-location}: a
 * PEM PKCS#8 or JWK RSA private key with a stable {@code kid}, anything else refused with
 * the property and the fix.
 */
class AssertionSigningKeyTests {

	private final ResourceLoader resources = new DefaultResourceLoader();

	@TempDir
	Path directory;

	@Test
	void pemPkcs8RsaKeyIsReadWithItsThumbprintAsKid() throws Exception {
		KeyPair pair = AssertionKeys.keyPair("RSA", 2048);
		Path file = AssertionKeys.pkcs8(this.directory, "key.pem", pair);

		RSAKey key = AssertionSigningKey.load("file:" + file, this.resources);

		assertThat(key.toRSAPublicKey()).isEqualTo(pair.getPublic());
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID())
			.isEqualTo(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString());
	}

	@Test
	void sameKeyFileGivesTheSameKidEveryTime() {
		Path file = AssertionKeys.pkcs8(this.directory, "key.pem", AssertionKeys.keyPair("RSA", 2048));

		assertThat(AssertionSigningKey.load("file:" + file, this.resources).getKeyID())
			.isEqualTo(AssertionSigningKey.load("file:" + file, this.resources).getKeyID());
	}

	@Test
	void jwkRsaPrivateKeyIsReadAndKeepsItsKid() {
		KeyPair pair = AssertionKeys.keyPair("RSA", 2048);
		String jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID("gateway-2026")
			.build()
			.toJSONString();
		Path file = AssertionKeys.write(this.directory.resolve("key.json"), jwk);

		RSAKey key = AssertionSigningKey.load("file:" + file, this.resources);

		assertThat(key.getKeyID()).isEqualTo("gateway-2026");
		assertThat(key.isPrivate()).isTrue();
	}

	@Test
	void missingFileIsRefusedNamingThePropertyAndTheLocation() {
		String location = "file:" + this.directory.resolve("absent.pem");

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load(location, this.resources))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("cognito.gateway.assertion.key-location");
				assertThat(ex.getValue()).isEqualTo(location);
				assertThat(ex.getProblem()).contains("there is no file at this location");
			});
	}

	@Test
	void ecPemKeyIsRefusedAsNotAnRsaKey() {
		Path file = AssertionKeys.pkcs8(this.directory, "ec.pem", AssertionKeys.keyPair("EC", 256));

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("not an RSA key"));
	}

	@Test
	void ecJwkIsRefusedNamingItsKeyType() throws Exception {
		ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
		Path file = AssertionKeys.write(this.directory.resolve("ec.json"), ec.toJSONString());

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("EC key"));
	}

	@Test
	void publicJwkIsRefusedAsUnableToSign() {
		KeyPair pair = AssertionKeys.keyPair("RSA", 2048);
		Path file = AssertionKeys.write(this.directory.resolve("public.json"),
				new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().toJSONString());

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("public key only"));
	}

	@Test
	void pkcs1PemIsRefusedWithTheCommandThatConvertsIt() {
		Path file = AssertionKeys.write(this.directory.resolve("rsa.pem"),
				"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("openssl pkcs8 -topk8 -nocrypt"));
	}

	@Test
	void rsaKeyUnder2048BitsIsRefused() {
		Path file = AssertionKeys.pkcs8(this.directory, "small.pem", AssertionKeys.keyPair("RSA", 1024));

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("1024 bits"));
	}

	@Test
	void refusalNeverShowsTheKey() {
		KeyPair pair = AssertionKeys.keyPair("EC", 256);
		Path file = AssertionKeys.pkcs8(this.directory, "ec.pem", pair);

		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> AssertionSigningKey.load("file:" + file, this.resources))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.getAction())
				.doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(0, 24)));
	}

}
