package io.github.cognitosso.autoconfigure.core;

import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.StringUtils;

/**
 * Fills in the granted scopes that Cognito leaves out of its token responses, from the
 * access token's own {@code scope} claim.
 * <p>
 * Cognito's {@code /oauth2/token} answers without the optional {@code scope} member, so
 * Spring Security would see an access token with no scopes: no {@code SCOPE_*}
 * authorities after login, and no refresh of the signed-in user when a refresh brings a
 * new ID token (Spring Security requires the {@code openid} scope for that). The access
 * token comes straight from the token endpoint over TLS, so its claims are read without
 * verifying its signature, as OpenID Connect allows for tokens received that way.
 *
 * @param <T> the grant request type
 */
public final class GrantedScopesTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	public GrantedScopesTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate) {
		this.delegate = delegate;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(grantRequest);
		Set<String> scopes = scopeClaim(response.getAccessToken().getTokenValue());
		if (scopes.isEmpty() || scopes.equals(response.getAccessToken().getScopes())) {
			return response;
		}
		return OAuth2AccessTokenResponse.withResponse(response).scopes(scopes).build();
	}

	/**
	 * @return the scopes of a JWT access token's {@code scope} claim, empty for anything
	 * else
	 */
	static Set<String> scopeClaim(String accessToken) {
		try {
			Object scope = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim("scope");
			if (scope instanceof String value && StringUtils.hasText(value)) {
				return new LinkedHashSet<>(CognitoScopes.split(value));
			}
		}
		catch (ParseException ex) {
			// Not a JWT: keep what the response says.
		}
		return Set.of();
	}

}
