package io.github.cognitosso.autoconfigure.reactive.login;

import io.github.cognitosso.autoconfigure.core.CognitoOidcUserService;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Mono;

/**
 * The signed-in user as the servlet login builds it ({@link CognitoOidcUserService}:
 * groups and scopes as authorities, the verified-email rule, Cognito's userInfo quirks),
 * built on the bounded elastic scheduler: with {@code cognito.login.user-info-enabled} it
 * calls Cognito's userInfo endpoint.
 */
final class BlockingOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

	BlockingOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest userRequest) throws OAuth2AuthenticationException {
		return OnBoundedElastic.call(() -> this.delegate.loadUser(userRequest));
	}

}
