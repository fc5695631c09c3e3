package io.github.cognitosso.autoconfigure.reactive.resource;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * A request's bearer header that was refused before any token was read (see
 * {@link CognitoServerBearerTokenConverter}); never authenticated.
 */
final class RefusedBearerToken extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient OAuth2AuthenticationException refusal;

	RefusedBearerToken(OAuth2AuthenticationException refusal) {
		super(List.of());
		this.refusal = refusal;
		setAuthenticated(false);
	}

	OAuth2AuthenticationException refusal() {
		return this.refusal;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "";
	}

}
