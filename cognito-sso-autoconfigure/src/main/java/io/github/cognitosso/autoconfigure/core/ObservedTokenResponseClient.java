package io.github.cognitosso.autoconfigure.core;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * A browser session's token request (the code exchange at sign-in, a refresh), observed
 * with {@link CognitoCalls}: a span and a timer per request, and for a refresh its
 * outcome as a {@link BrowserSessionEvent#REFRESH}.
 * <p>
 * Public for the web adapters; not an application API.
 *
 * @param <T> the grant request type
 */
public final class ObservedTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	private final BrowserSessionEvent event;

	private final Supplier<CognitoInstrumentation> instrumentation;

	/**
	 * @param delegate the client that sends the request
	 * @param event the session event each request's outcome is, or {@code null} when it
	 * is part of a larger one (the code exchange of a sign-in)
	 * @param instrumentation where requests are observed, read at each request
	 */
	public ObservedTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate, BrowserSessionEvent event,
			Supplier<CognitoInstrumentation> instrumentation) {
		this.delegate = delegate;
		this.event = event;
		this.instrumentation = instrumentation;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		return CognitoCalls.observe(this.instrumentation.get(), "token", this.event,
				() -> this.delegate.getTokenResponse(grantRequest));
	}

}
