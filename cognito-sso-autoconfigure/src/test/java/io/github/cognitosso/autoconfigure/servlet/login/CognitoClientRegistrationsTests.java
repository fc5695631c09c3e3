package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoClientRegistrations;
import io.github.cognitosso.autoconfigure.core.CognitoLoginProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoClientRegistrationsTests {

	private final CognitoProperties properties = new CognitoProperties();

	private final CognitoLoginProperties login = new CognitoLoginProperties();

	CognitoClientRegistrationsTests() {
		this.properties.setUserPoolId("us-east-2_mLoGHJpOs");
		this.properties.setDomain("my-app");
		this.properties.setClientId("2or4cs8bjo1lkbq6143tqp6ist");
	}

	private ClientRegistration registration() {
		return CognitoClientRegistrations.cognito(this.properties, this.login, this.properties.toEndpoints());
	}

	@Test
	void endpointsAreDerivedFromPoolAndDomainWithoutDiscovery() {
		ClientRegistration.ProviderDetails provider = registration().getProviderDetails();

		assertThat(provider.getAuthorizationUri())
			.isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize");
		assertThat(provider.getTokenUri()).isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/token");
		assertThat(provider.getJwkSetUri())
			.isEqualTo("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json");
		assertThat(provider.getIssuerUri())
			.isEqualTo("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs");
	}

	@Test
	void confidentialClientUsesHttpBasicAndPkceByDefault() {
		this.properties.setClientSecret("secret");

		ClientRegistration registration = registration();

		assertThat(registration.getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(registration.getClientSecret()).isEqualTo("secret");
		assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
	}

	@Test
	void confidentialClientCanPostItsSecretAndSwitchPkceOff() {
		this.properties.setClientSecret("secret");
		this.login.setClientAuthenticationMethod(
				io.github.cognitosso.autoconfigure.ClientAuthenticationMethod.CLIENT_SECRET_POST);
		this.login.setPkce(false);

		ClientRegistration registration = registration();

		assertThat(registration.getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(registration.getClientSettings().isRequireProofKey()).isFalse();
	}

	@Test
	void publicClientAuthenticatesWithNothingButPkceEvenWhenPkceIsSwitchedOff() {
		this.login.setPkce(false);

		ClientRegistration registration = registration();

		assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
		assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
	}

	@Test
	void scopesRedirectUriAndUserNameAttributeComeFromTheProperties() {
		this.properties.setScopes(List.of("openid", "email", "orders/read"));
		this.login.setRedirectUri("https://app.example.com/callback");
		this.login.setUserNameAttribute("email");

		ClientRegistration registration = registration();

		assertThat(registration.getScopes()).containsExactly("openid", "email", "orders/read");
		assertThat(registration.getRedirectUri()).isEqualTo("https://app.example.com/callback");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
			.isEqualTo("email");
	}

	@Test
	void userNameIsCognitoUsernameByDefault() {
		assertThat(registration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
			.isEqualTo("cognito:username");
	}

	@Test
	void userInfoIsOnlyCalledWhenSwitchedOn() {
		assertThat(registration().getProviderDetails().getUserInfoEndpoint().getUri()).isNull();

		this.login.setUserInfoEnabled(true);

		assertThat(registration().getProviderDetails().getUserInfoEndpoint().getUri())
			.isEqualTo("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/userInfo");
	}

	@Test
	void scopeWithCharactersOAuthForbidsIsAConfigurationError() {
		this.properties.setScopes(List.of("openid", "bad\"scope"));

		assertThatExceptionOfType(CognitoConfigurationException.class).isThrownBy(this::registration)
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.scopes"));
	}

	@Test
	void callbackPathFollowsTheRedirectUri() {
		assertThat(CognitoClientRegistrations.callbackPath("{baseUrl}/login/oauth2/code/{registrationId}", ""))
			.isEqualTo("/login/oauth2/code/cognito");
		assertThat(CognitoClientRegistrations.callbackPath("{baseUrl}/callback", "/app")).isEqualTo("/callback");
		assertThat(CognitoClientRegistrations.callbackPath("{baseScheme}://{baseHost}{basePort}{basePath}/cb", ""))
			.isEqualTo("/cb");
		assertThat(CognitoClientRegistrations.callbackPath("http://localhost:8585/callback", ""))
			.isEqualTo("/callback");
		assertThat(CognitoClientRegistrations.callbackPath("https://app.example.com/app/callback", "/app"))
			.isEqualTo("/callback");
	}

	@Test
	void redirectUriWithoutPathIsAConfigurationError() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> CognitoClientRegistrations.callbackPath("https://app.example.com", ""))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.login.redirect-uri"));
	}

}
