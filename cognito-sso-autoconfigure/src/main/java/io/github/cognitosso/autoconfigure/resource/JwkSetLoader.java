package io.github.cognitosso.autoconfigure.resource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches the pool's JSON Web Key Set with Spring's {@link RestClient}, bounded in time (connect and read timeouts)
 * and in size. Parsing is Nimbus'.
 */
final class JwkSetLoader {

	/** A Cognito key set is about 1 KB; anything near this limit is not one. */
	static final int MAX_BYTES = 256 * 1024;

	private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

	private final URI uri;

	private final RestClient restClient;

	JwkSetLoader(URI uri, Duration connectTimeout, Duration readTimeout) {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(connectTimeout);
		requestFactory.setReadTimeout(readTimeout);
		this.uri = uri;
		this.restClient = RestClient.builder().requestFactory(requestFactory).build();
	}

	URI uri() {
		return this.uri;
	}

	/**
	 * @return the key set
	 * @throws KeySourceException when the endpoint cannot be reached, answers with an error or with something else
	 * than a key set
	 */
	JWKSet load() throws KeySourceException {
		String body;
		try {
			body = this.restClient.get()
				.uri(this.uri)
				.accept(MediaType.APPLICATION_JSON, JWK_SET_JSON)
				.exchange((request, response) -> {
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new IOException("the endpoint answered HTTP " + response.getStatusCode().value());
					}
					return readLimited(response.getBody());
				});
		}
		catch (RestClientException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new KeySourceException("Could not fetch the JSON Web Key Set from " + this.uri + ": "
					+ cause.getMessage(), ex);
		}
		try {
			return JWKSet.parse(body);
		}
		catch (ParseException ex) {
			throw new KeySourceException("The response of " + this.uri + " is not a JSON Web Key Set", ex);
		}
	}

	private static String readLimited(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new IOException("the response is larger than " + MAX_BYTES + " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
