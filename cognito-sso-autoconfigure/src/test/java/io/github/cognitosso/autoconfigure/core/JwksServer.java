package io.github.cognitosso.autoconfigure.core;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.RSAKey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server on loopback playing the pool's JWKS endpoint.
 */
public final class JwksServer implements AutoCloseable {

	public static final String PATH = "/" + TestTokens.POOL_ID + "/.well-known/jwks.json";

	private final WireMockServer server;

	public JwksServer() {
		this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		this.server.start();
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.port() + PATH;
	}

	/** Publishes the keys (replacing whatever was published before). */
	public JwksServer publish(RSAKey... keys) {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(TestTokens.jwks(keys))));
		return this;
	}

	/** Makes the endpoint answer 500 from now on. */
	public JwksServer fail() {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("oops")));
		return this;
	}

	/** Makes the endpoint answer 200 with something that is not a key set. */
	public JwksServer garbage() {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"keys\": \"not a list\"")));
		return this;
	}

	/** Makes the endpoint answer only after the given delay. */
	public JwksServer hang(int millis) {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(
				aResponse().withStatus(200).withFixedDelay(millis).withBody(TestTokens.jwks(TestTokens.POOL_KEY))));
		return this;
	}

	/** Makes the endpoint answer 302 to the given URL from now on. */
	public JwksServer redirectTo(String url) {
		this.server
			.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(302).withHeader("Location", url)));
		return this;
	}

	/**
	 * Makes the endpoint send the pool's key set in small chunks spread over the given
	 * time.
	 */
	public JwksServer trickle(int chunks, int totalMillis) {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(TestTokens.jwks(TestTokens.POOL_KEY))
			.withChunkedDribbleDelay(chunks, totalMillis)));
		return this;
	}

	public int fetches() {
		return this.server.countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH)).build()).getCount();
	}

	public void resetCount() {
		this.server.resetRequests();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
