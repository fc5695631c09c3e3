package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches the pool's JSON Web Key Set with Spring's {@link RestClient}, bounded in time
 * and in size. Parsing is Nimbus'.
 * <p>
 * The client is {@link CognitoRequestFactory}'s: the request goes to the JWKS URL only (a
 * redirect is an error here, and a key set fetched from wherever it points would decide
 * which tokens are valid), and the read timeout is a deadline for the whole fetch, so an
 * endpoint that trickles a byte at a time cannot hold the fetch, and the requests waiting
 * for the first keys, indefinitely.
 */
final class JwkSetLoader {

	/** A Cognito key set is about 1 KB; anything near this limit is not one. */
	static final int MAX_BYTES = 256 * 1024;

	private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

	private final URI uri;

	private final Duration deadline;

	private final RestClient restClient;

	JwkSetLoader(URI uri, Duration connectTimeout, Duration deadline) {
		this.uri = uri;
		this.deadline = deadline;
		this.restClient = RestClient.builder()
			.requestFactory(CognitoRequestFactory.create(connectTimeout, deadline))
			.build();
	}

	URI uri() {
		return this.uri;
	}

	/**
	 * @return the key set
	 * @throws KeySourceException when the endpoint cannot be reached, answers with an
	 * error or with something else than a key set
	 */
	JWKSet load() throws KeySourceException {
		long start = System.nanoTime();
		String body;
		try {
			body = this.restClient.get()
				.uri(this.uri)
				.accept(MediaType.APPLICATION_JSON, JWK_SET_JSON)
				.exchange((request, response) -> {
					if (response.getStatusCode().is3xxRedirection()) {
						throw new IOException("the endpoint answered HTTP " + response.getStatusCode().value()
								+ " (redirects are not followed)");
					}
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new IOException("the endpoint answered HTTP " + response.getStatusCode().value());
					}
					return readLimited(response.getBody());
				});
		}
		catch (RestClientException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			// Past the deadline the response is closed under the reader, whose message
			// ("closed") says little.
			String reason = (Duration.ofNanos(System.nanoTime() - start).compareTo(this.deadline) >= 0)
					? "no complete answer within the " + this.deadline.toMillis() + " ms deadline" : cause.getMessage();
			throw new KeySourceException("Could not fetch the JSON Web Key Set from " + this.uri + ": " + reason, ex);
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
