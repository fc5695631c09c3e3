package io.github.cognitosso.benchmarks.decode;

import java.util.concurrent.TimeUnit;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoJwtAuthenticationConverter;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoders;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
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
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The step after validation, run on every request even when the token comes from the
 * cache: turning the validated token into an {@code Authentication}. The starter's
 * converter (groups to {@code ROLE_*}, scopes to {@code SCOPE_*}, the Cognito view of the
 * caller) next to Spring Security's default {@code JwtAuthenticationConverter} (scopes
 * only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuthenticationConversionBenchmark {

	private Jwt jwt;

	private JwtAuthenticationConverter plain;

	private CognitoJwtAuthenticationConverter starter;

	@Setup(Level.Trial)
	public void setUp() {
		try (BenchmarkPool pool = BenchmarkPool.start()) {
			CognitoProperties properties = pool.cognitoProperties();
			CognitoResourceServerProperties resourceServer = pool.resourceServerProperties(false);
			this.jwt = CognitoJwtDecoders.fromProperties(properties, resourceServer, properties.toEndpoints())
				.decode(pool.accessToken(1));
			this.plain = new JwtAuthenticationConverter();
			this.starter = new CognitoJwtAuthenticationConverter(
					new CognitoAuthoritiesMapper(properties.getAuthorities()), resourceServer.getPrincipalClaims());
		}
	}

	@Benchmark
	public AbstractAuthenticationToken plainJwtAuthenticationConverter() {
		return this.plain.convert(this.jwt);
	}

	@Benchmark
	public AbstractAuthenticationToken starterConverter() {
		return this.starter.convert(this.jwt);
	}

}
