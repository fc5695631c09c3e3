package io.github.cognitosso.autoconfigure.core;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The one way this starter builds an HTTP client for Cognito's endpoints (keys, token,
 * revocation, userInfo), on the JDK's {@link HttpClient}.
 * <ul>
 * <li>Redirects are never followed: Cognito's endpoints do not redirect, and a key set or
 * a token answer taken from wherever a redirect points would decide who is signed in. A
 * 3xx reaches the caller as it came.</li>
 * <li>A connect timeout, and a deadline for the whole exchange, from the request to the
 * last byte of the body: Spring's {@link JdkClientHttpRequestFactory} closes the response
 * when its read timeout passes, so an endpoint that trickles a byte at a time cannot hold
 * the caller's thread beyond it (a per-read timeout, as {@code HttpURLConnection} has,
 * would). Spring Security's own clients have neither and wait forever.</li>
 * <li>HTTP/1.1 and no compression: the answers are small, a plain {@code http://}
 * endpoint (a local simulator, a proxy) gets no {@code h2c} upgrade attempt, and a body
 * cut off by the deadline fails as an I/O error, never inside a decompressor.</li>
 * </ul>
 * <p>
 * Public for the web adapters ({@code servlet.login} now, a reactive one next); not an
 * application API.
 */
public final class CognitoRequestFactory {

	private CognitoRequestFactory() {
	}

	/**
	 * @param connectTimeout how long a connection may take to open
	 * @param deadline how long the whole exchange may take, from the request to the last
	 * byte of the answer
	 * @return a request factory for one of Cognito's endpoints
	 */
	public static ClientHttpRequestFactory create(Duration connectTimeout, Duration deadline) {
		Objects.requireNonNull(deadline, "deadline");
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient(connectTimeout));
		factory.setReadTimeout(deadline);
		// Spring 7 asks for gzip by default. The answers are a few kilobytes, and an
		// inflater whose stream the
		// deadline closes fails with a NullPointerException instead of an IOException,
		// which no caller expects.
		factory.enableCompression(false);
		return factory;
	}

	static HttpClient httpClient(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

}
