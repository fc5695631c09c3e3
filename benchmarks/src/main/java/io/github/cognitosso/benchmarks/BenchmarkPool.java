package io.github.cognitosso.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoResourceServerProperties;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;

/**
 * The user pool every benchmark validates tokens of: a {@link CognitoSimulator} on
 * loopback serving the JWKS (and counting its requests), and access tokens shaped like
 * Cognito's, signed by its key.
 */
public final class BenchmarkPool implements AutoCloseable {

	/** The app client the API accepts. */
	public static final String CLIENT_ID = "bench-client";

	/**
	 * Another app client of the same pool, which the starter refuses and plain Spring
	 * Security does not check.
	 */
	public static final String OTHER_CLIENT_ID = "other-client";

	private static final List<String> SCOPES = List.of("openid", "email", "profile");

	private static final Duration DEFAULT_VALIDITY = Duration.ofHours(2);

	private final CognitoSimulator simulator;

	private BenchmarkPool(CognitoSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * @return a started pool
	 */
	public static BenchmarkPool start() {
		List<String> urls = List.of("http://localhost/");
		return new BenchmarkPool(CognitoSimulator.builder()
			.client(SimulatedClient.confidential(CLIENT_ID, "bench-secret", urls, urls))
			.client(SimulatedClient.confidential(OTHER_CLIENT_ID, "other-secret", urls, urls))
			.build()
			.start());
	}

	public String issuer() {
		return this.simulator.issuer();
	}

	public String jwkSetUri() {
		return this.simulator.issuer() + "/.well-known/jwks.json";
	}

	/**
	 * @param index which user (user-0, user-1, ...)
	 * @return a user's access token for {@link #CLIENT_ID}, valid for two hours, as
	 * Cognito issues it after a hosted-UI login (groups, the OpenID scopes, username)
	 */
	public String accessToken(int index) {
		return accessToken(index, CLIENT_ID);
	}

	/**
	 * @return a user's access token for the given app client
	 */
	public String accessToken(int index, String clientId) {
		return accessToken(index, clientId, DEFAULT_VALIDITY);
	}

	/**
	 * @param validity the token's lifetime ({@code exp - iat})
	 * @return a user's access token for the given app client
	 */
	public String accessToken(int index, String clientId, Duration validity) {
		SimulatedUser user = SimulatedUser.of("user-" + index, "unused", "staff");
		return this.simulator.tokens().accessToken(user, clientId, SCOPES, validity, (claims) -> {
		});
	}

	/**
	 * @return {@code count} distinct access tokens of distinct users
	 */
	public List<String> accessTokens(int count) {
		return accessTokens(count, DEFAULT_VALIDITY);
	}

	/**
	 * @param validity each token's lifetime, for runs that outlast the default two hours
	 * @return {@code count} distinct access tokens of distinct users (user-0, user-1...)
	 */
	public List<String> accessTokens(int count, Duration validity) {
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			tokens.add(accessToken(i, CLIENT_ID, validity));
		}
		return tokens;
	}

	/**
	 * @return the {@code cognito.*} settings of an API of this pool accepting
	 * {@link #CLIENT_ID}
	 */
	public CognitoProperties cognitoProperties() {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(this.simulator.userPoolId());
		properties.setIssuerUri(this.simulator.issuer());
		properties.setClientId(CLIENT_ID);
		return properties;
	}

	/**
	 * @param tokenCache whether the validated-token cache is on
	 * @return the {@code cognito.resource-server.*} settings of that API
	 */
	public CognitoResourceServerProperties resourceServerProperties(boolean tokenCache) {
		CognitoResourceServerProperties properties = new CognitoResourceServerProperties();
		properties.getTokenCache().setEnabled(tokenCache);
		return properties;
	}

	/**
	 * @return the pool's signing key as the JDK sees it, read from the JWKS over HTTP
	 */
	public RSAPublicKey signingKey(String token) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(jwkSetUri())).build(), HttpResponse.BodyHandlers.ofString());
			String kid = SignedJWT.parse(token).getHeader().getKeyID();
			return ((RSAKey) JWKSet.parse(response.body()).getKeyByKeyId(kid)).toRSAPublicKey();
		}
		catch (IOException | ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot read the pool's signing key", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return how many times the JWKS was requested since the pool started
	 */
	public int jwksRequests() {
		return this.simulator.wireMock()
			.countRequestsMatching(
					WireMock.getRequestedFor(WireMock.urlPathEqualTo(URI.create(jwkSetUri()).getPath())).build())
			.getCount();
	}

	@Override
	public void close() {
		this.simulator.close();
	}

}
