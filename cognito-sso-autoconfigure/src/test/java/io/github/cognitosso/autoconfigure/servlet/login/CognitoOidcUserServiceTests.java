package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoOidcUserService;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoOidcUserServiceTests {

	private final CognitoProperties.Authorities authorities = new CognitoProperties.Authorities();

	@Test
	void groupsFromTheIdTokenAndGrantedScopesBecomeAuthorities() {
		OidcUser user = service().loadUser(request("cognito:username",
				Map.of("cognito:groups", List.of("admin", "Staff")), Set.of("openid", "orders/read")));

		assertThat(user.getName()).isEqualTo("alice");
		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("OIDC_USER", "ROLE_admin", "ROLE_Staff", "SCOPE_openid", "SCOPE_orders/read");
	}

	@Test
	void groupMappingFollowsTheSharedAuthoritiesSettings() {
		this.authorities.setGroupPrefix("GROUP_");
		this.authorities.setGroupCase(CognitoProperties.Authorities.GroupCase.LOWERCASE);

		OidcUser user = service()
			.loadUser(request("cognito:username", Map.of("cognito:groups", List.of("Staff")), Set.of("openid")));

		assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("GROUP_staff")
			.doesNotContain("ROLE_Staff");
	}

	@Test
	void groupsClaimOfTheWrongTypeEndsTheSignInAsAnAuthenticationFailure() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> service()
				.loadUser(request("cognito:username", Map.of("cognito:groups", "admin"), Set.of("openid"))))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_user"));
	}

	@Test
	void missingUserNameClaimEndsTheSignInAsAnAuthenticationFailure() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> service().loadUser(request("phone_number", Map.of(), Set.of("openid"))))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_user"));
	}

	private CognitoOidcUserService service() {
		return new CognitoOidcUserService(new CognitoAuthoritiesMapper(this.authorities), Duration.ofSeconds(5));
	}

	private static OidcUserRequest request(String nameAttribute, Map<String, Object> extraClaims, Set<String> scopes) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("cognito")
			.clientId("client-1")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/cognito")
			.authorizationUri("https://auth.example.com/oauth2/authorize")
			.tokenUri("https://auth.example.com/oauth2/token")
			.jwkSetUri("https://auth.example.com/jwks")
			.userNameAttributeName(nameAttribute)
			.build();
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.subject("7f1d2c3b")
			.claim("cognito:username", "alice")
			.claim("email", "alice@example.com")
			.claims((claims) -> claims.putAll(extraClaims))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(3600))
			.build();
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
				now.plusSeconds(3600), scopes);
		return new OidcUserRequest(registration, accessToken, idToken);
	}

}
