package io.github.cognitosso.autoconfigure.reactive.login;

import io.github.cognitosso.autoconfigure.core.CognitoIdTokenDecoderFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;

/**
 * Checks ID tokens exactly as the servlet login does
 * ({@link CognitoIdTokenDecoderFactory}: the pool's shared key source, every issuer form
 * of the pool, {@code token_use}, the OpenID Connect checks), on the bounded elastic
 * scheduler: a key the source does not hold yet is fetched over the network.
 */
final class CognitoReactiveIdTokenDecoderFactory implements ReactiveJwtDecoderFactory<ClientRegistration> {

	private final JwtDecoderFactory<ClientRegistration> delegate;

	CognitoReactiveIdTokenDecoderFactory(JwtDecoderFactory<ClientRegistration> delegate) {
		this.delegate = delegate;
	}

	@Override
	public ReactiveJwtDecoder createDecoder(ClientRegistration registration) {
		JwtDecoder decoder = this.delegate.createDecoder(registration);
		return (token) -> OnBoundedElastic.call(() -> decoder.decode(token));
	}

}
