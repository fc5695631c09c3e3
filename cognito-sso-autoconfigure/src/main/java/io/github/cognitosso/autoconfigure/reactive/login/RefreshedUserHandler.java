package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.Objects;

import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Renews the browser user from the new ID token a token refresh brings (new groups, for
 * instance), as the servlet login does: the ID token is checked as at sign-in, must name
 * the same user ({@code sub}), and the user service builds the user again (so the
 * verified-email rule holds). The renewed {@link CognitoLoginAuthentication} keeps the
 * time of the sign-in and replaces the one in the session.
 * <p>
 * Spring Security's {@code RefreshOidcUserReactiveOAuth2AuthorizationSuccessHandler}
 * leaves authentications of other classes alone, so it cannot renew this one.
 */
final class RefreshedUserHandler {

	private final ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory;

	private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userService;

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final CognitoLoginSecurityContextRepository securityContexts;

	RefreshedUserHandler(ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory,
			ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userService,
			CognitoAuthoritiesMapper authoritiesMapper, CognitoLoginSecurityContextRepository securityContexts) {
		this.idTokenDecoderFactory = idTokenDecoderFactory;
		this.userService = userService;
		this.authoritiesMapper = authoritiesMapper;
		this.securityContexts = securityContexts;
	}

	/**
	 * @param response the refresh's token response, or {@code null}
	 * @return the renewed user, stored in the session; the current one when the refresh
	 * brought no ID token
	 * @throws OAuth2AuthenticationException (as the Mono's error) when the new ID token
	 * or user does not pass the checks of a sign-in
	 */
	Mono<CognitoLoginAuthentication> renew(ServerWebExchange exchange, CognitoLoginAuthentication current,
			OAuth2AuthorizedClient client, OAuth2AccessTokenResponse response) {
		Object idToken = (response != null) ? response.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN)
				: null;
		if (!(idToken instanceof String token) || !(current.getPrincipal() instanceof OidcUser currentUser)) {
			return Mono.just(current);
		}
		ClientRegistration registration = client.getClientRegistration();
		return this.idTokenDecoderFactory.createDecoder(registration)
			.decode(token)
			.onErrorMap(JwtException.class, (ex) -> invalid(ex.getMessage()))
			.map((jwt) -> new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims()))
			.flatMap((oidcIdToken) -> {
				if (!Objects.equals(oidcIdToken.getSubject(), currentUser.getSubject())) {
					return Mono.error(invalid("The refreshed ID token names another user"));
				}
				return this.userService
					.loadUser(new OidcUserRequest(registration, client.getAccessToken(), oidcIdToken));
			})
			.map((user) -> {
				CognitoLoginAuthentication renewed = CognitoLoginAuthentication.of(user, user.getAuthorities(),
						registration.getRegistrationId(), registration.getClientId(),
						client.getAccessToken().getScopes(), this.authoritiesMapper, current.getSignedInAt());
				renewed.setDetails(current.getDetails());
				return renewed;
			})
			.flatMap((renewed) -> this.securityContexts.store(exchange, renewed).thenReturn(renewed));
	}

	private static OAuth2AuthenticationException invalid(String description) {
		OAuth2Error error = new OAuth2Error("invalid_id_token", description, null);
		return new OAuth2AuthenticationException(error, error.toString());
	}

}
