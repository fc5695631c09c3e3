package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Hands the session renewal the whole token response of a refresh, with the new ID token
 * Spring Security's refresh provider does not keep: the renewal puts a holder into the
 * Reactor context of its refresh ({@link #capturing}), and the refresh's token client
 * ({@link #client}) fills it. A refresh the application triggers itself has no holder and
 * is left alone. Works the same on every Spring Security 7 line (7.0 has no success
 * handler on the reactive refresh provider).
 */
final class RefreshResponseCapture {

	private static final Object KEY = RefreshResponseCapture.class;

	private final AtomicReference<OAuth2AccessTokenResponse> response = new AtomicReference<>();

	/**
	 * @return the Reactor context with this holder, for the refresh it should capture
	 */
	Context capturing(Context context) {
		return context.put(KEY, this);
	}

	/**
	 * @return the token response of the refresh, or {@code null} when none happened
	 */
	OAuth2AccessTokenResponse response() {
		return this.response.get();
	}

	/**
	 * @return a token client that leaves each response with the holder of its Reactor
	 * context, if any
	 */
	static ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> client(
			ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate) {
		return (request) -> Mono.deferContextual((context) -> delegate.getTokenResponse(request)
			.doOnNext((response) -> context.<RefreshResponseCapture>getOrEmpty(KEY)
				.ifPresent((capture) -> capture.response.set(response))));
	}

}
