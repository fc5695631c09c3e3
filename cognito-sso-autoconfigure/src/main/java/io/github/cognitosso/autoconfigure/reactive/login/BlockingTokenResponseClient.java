package io.github.cognitosso.autoconfigure.reactive.login;

import io.github.cognitosso.autoconfigure.core.GrantedScopesTokenResponseClient;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import reactor.core.publisher.Mono;

/**
 * Calls Cognito's token endpoint with the core's client (the one the servlet login uses:
 * its timeouts, its reading of Cognito's error bodies whatever the status, the granted
 * scopes Cognito leaves out, see {@link GrantedScopesTokenResponseClient}) on the bounded
 * elastic scheduler.
 *
 * @param <T> the grant request type
 */
final class BlockingTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	BlockingTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(T grantRequest) {
		return OnBoundedElastic.call(() -> this.delegate.getTokenResponse(grantRequest));
	}

}
