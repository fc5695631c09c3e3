package io.github.cognitosso.benchmarks.decode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.benchmarks.BenchmarkPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The cost of validating one Cognito access token, from the floor up:
 * <ol>
 * <li>{@link #jdkSignatureOnly}: the RS256 signature verified with the JDK and nothing
 * else (no parsing, no checks): what no decoder can go below;</li>
 * <li>{@link #plainNimbusJwtDecoder}: plain Spring Security,
 * {@code NimbusJwtDecoder.withJwkSetUri(..)} with its default validators ({@code typ},
 * {@code exp}/{@code nbf}, x5t binding); {@link #plainNimbusJwtDecoderWithIssuer} adds
 * the issuer check that Spring Boot adds for
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri};</li>
 * <li>{@link #starterDecoder}: this starter's decoder with every Cognito check on
 * (issuer, lifetime with {@code iat}, {@code token_use}, {@code client_id}) and the
 * validated-token cache off;</li>
 * <li>{@link #starterDecoderCachedToken}: the same with the cache on, the same token
 * again (as a client sends it until it expires).</li>
 * </ol>
 * Every decoder reads its keys from the same JWKS (a Cognito simulator on loopback),
 * fetched once during set-up. Each call gets the token as a new String, the way a servlet
 * container hands each request its header.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenValidationBenchmark {

	private BenchmarkPool pool;

	private byte[] token;

	private RSAPublicKey key;

	private Signature rs256;

	private JwtDecoder plain;

	private JwtDecoder plainWithIssuer;

	private JwtDecoder starter;

	private JwtDecoder starterCached;

	@Setup(Level.Trial)
	public void setUp() throws GeneralSecurityException {
		this.pool = BenchmarkPool.start();
		String token = this.pool.accessToken(1);
		this.token = token.getBytes(StandardCharsets.US_ASCII);
		this.key = this.pool.signingKey(token);
		this.rs256 = Signature.getInstance("SHA256withRSA");
		this.rs256.initVerify(this.key);
		this.plain = NimbusJwtDecoder.withJwkSetUri(this.pool.jwkSetUri()).build();
		NimbusJwtDecoder withIssuer = NimbusJwtDecoder.withJwkSetUri(this.pool.jwkSetUri()).build();
		withIssuer.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.pool.issuer()));
		this.plainWithIssuer = withIssuer;
		CognitoProperties pool = this.pool.cognitoProperties();
		this.starter = CognitoJwtDecoders.fromProperties(pool, this.pool.resourceServerProperties(false),
				pool.toEndpoints());
		this.starterCached = CognitoJwtDecoders.fromProperties(pool, this.pool.resourceServerProperties(true),
				pool.toEndpoints());
		// Keys fetched, and every decoder proven to accept the token, before anything is
		// measured.
		for (JwtDecoder decoder : List.of(this.plain, this.plainWithIssuer, this.starter, this.starterCached)) {
			Jwt jwt = decoder.decode(token);
			if (!"user-1".equals(jwt.getClaimAsString("username"))) {
				throw new IllegalStateException("Unexpected token: " + jwt.getClaims());
			}
		}
		if (!jdkSignatureOnly()) {
			throw new IllegalStateException("The JDK does not verify the token's signature");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.close();
	}

	/** The token as a request brings it: the same characters, a new String. */
	private String requestToken() {
		return new String(this.token, StandardCharsets.US_ASCII);
	}

	@Benchmark
	public boolean jdkSignatureOnly() throws GeneralSecurityException {
		String token = requestToken();
		int signatureStart = token.lastIndexOf('.');
		byte[] signingInput = token.substring(0, signatureStart).getBytes(StandardCharsets.US_ASCII);
		byte[] signature = Base64.getUrlDecoder().decode(token.substring(signatureStart + 1));
		// verify() leaves the Signature initialised with the key, ready for the next
		// token.
		this.rs256.update(signingInput);
		return this.rs256.verify(signature);
	}

	@Benchmark
	public Jwt plainNimbusJwtDecoder() {
		return this.plain.decode(requestToken());
	}

	@Benchmark
	public Jwt plainNimbusJwtDecoderWithIssuer() {
		return this.plainWithIssuer.decode(requestToken());
	}

	@Benchmark
	public Jwt starterDecoder() {
		return this.starter.decode(requestToken());
	}

	@Benchmark
	public Jwt starterDecoderCachedToken() {
		return this.starterCached.decode(requestToken());
	}

}
