package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.time.Duration;

import io.github.cognitosso.autoconfigure.core.CognitoTokenRevoker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoTokenRevokerTests {

	private final ScriptedCognito cognito = ScriptedCognito.instance();

	private CognitoTokenRevoker revoker;

	@BeforeEach
	void setUp() {
		this.cognito.reset();
		this.revoker = new CognitoTokenRevoker(URI.create(this.cognito.domain() + "/oauth2/revoke"),
				Duration.ofSeconds(5));
	}

	@Test
	void confidentialClientRevokesWithHttpBasic() {
		this.revoker.revoke(registration("secret+/=", ClientAuthenticationMethod.CLIENT_SECRET_POST), "rt-1");

		assertThat(this.cognito.revokeRequests()).singleElement().satisfies((request) -> {
			assertThat(request.getHeader("Authorization"))
				.isEqualTo(LoginFlowTestSupport.basic("client-1", "secret%2B%2F%3D"));
			assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(LoginFlowTestSupport.form(request)).containsEntry("token", "rt-1")
				.containsEntry("client_id", "client-1")
				.doesNotContainKey("client_secret");
		});
	}

	@Test
	void cognitosErrorCodeIsKeptEvenOnHttp401() {
		this.cognito.stubRevoke(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}"));

		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.revoker
				.revoke(registration("secret", ClientAuthenticationMethod.CLIENT_SECRET_BASIC), "rt-1"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
	}

	@Test
	void cognitosErrorCodeIsKeptEvenOnHttp500() {
		this.cognito.stubRevoke(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"internal_error\",\"error_description\":\"try again\"}"));

		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.revoker.revoke(registration(null, ClientAuthenticationMethod.NONE), "rt-1"))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("internal_error");
				assertThat(ex.getError().getDescription()).isEqualTo("try again");
			});
	}

	@Test
	void serverErrorIsARevocationFailureWithoutTheToken() {
		this.cognito.stubRevoke(aResponse().withStatus(503).withBody("down"));

		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> this.revoker.revoke(registration(null, ClientAuthenticationMethod.NONE), "rt-secret-1"))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("revocation_failed");
				assertThat(ex.getError().getDescription()).contains("503").doesNotContain("rt-secret-1");
			});
	}

	@Test
	void unreachableEndpointIsARevocationFailure() {
		CognitoTokenRevoker unreachable = new CognitoTokenRevoker(URI.create("http://127.0.0.1:1/oauth2/revoke"),
				Duration.ofSeconds(2));

		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> unreachable.revoke(registration(null, ClientAuthenticationMethod.NONE), "rt-1"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("revocation_failed"));
	}

	private ClientRegistration registration(String secret, ClientAuthenticationMethod method) {
		return ClientRegistration.withRegistrationId("cognito")
			.clientId("client-1")
			.clientSecret(secret)
			.clientAuthenticationMethod(method)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/cognito")
			.authorizationUri(this.cognito.domain() + "/oauth2/authorize")
			.tokenUri(this.cognito.domain() + "/oauth2/token")
			.build();
	}

}
