package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoIdTokenDecoderFactory;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoIdTokenDecoderFactoryTests {

	private static final String MULTI_REGION_FORM = "https://issuer-cognito-idp.us-east-2.amazonaws.com/"
			+ ScriptedCognito.POOL_ID;

	private final ScriptedCognito cognito = ScriptedCognito.instance();

	private JwtDecoder decoder;

	@BeforeEach
	void setUp() {
		this.cognito.reset();
		CognitoJwkSource keys = new CognitoJwkSource(URI.create(this.cognito.issuer() + "/.well-known/jwks.json"),
				Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5),
				Clock.systemUTC());
		CognitoIdTokenDecoderFactory factory = new CognitoIdTokenDecoderFactory(
				List.of(URI.create(this.cognito.issuer()), URI.create(MULTI_REGION_FORM)), keys, Clock.systemUTC());
		this.decoder = factory.createDecoder(registration());
	}

	@Test
	void idTokenOfThePoolIsAccepted() {
		Jwt jwt = this.decoder.decode(this.cognito.sign(claims()));

		assertThat(jwt.getClaimAsString("cognito:username")).isEqualTo("alice");
	}

	@Test
	void idTokenWithTheOtherIssuerFormOfThePoolIsAccepted() {
		Map<String, Object> claims = claims();
		claims.put("iss", MULTI_REGION_FORM);

		assertThat(this.decoder.decode(this.cognito.sign(claims)).getSubject()).isEqualTo(CognitoUser.alice().sub());
	}

	@Test
	void idTokenOfAnotherPoolIsRejected() {
		Map<String, Object> claims = claims();
		claims.put("iss", "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_OtherPool");

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(this.cognito.sign(claims)));
	}

	@Test
	void accessTokenIsNotAcceptedAsIdToken() {
		Map<String, Object> claims = claims();
		claims.put("token_use", "access");

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(this.cognito.sign(claims)));
	}

	@Test
	void idTokenForAnotherAppClientIsRejected() {
		Map<String, Object> claims = claims();
		claims.put("aud", "another-app-client");

		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(this.cognito.sign(claims)));
	}

	@Test
	void stringBooleanClaimsBecomeBooleans() {
		Map<String, Object> claims = claims();
		claims.put("email_verified", "true");

		assertThat(this.decoder.decode(this.cognito.sign(claims)).getClaims().get("email_verified")).isEqualTo(true);
	}

	private Map<String, Object> claims() {
		return new HashMap<>(this.cognito.idTokenClaims(CognitoUser.alice(), null, Instant.now()));
	}

	private ClientRegistration registration() {
		return ClientRegistration.withRegistrationId("cognito")
			.clientId(ScriptedCognito.CLIENT_ID)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/cognito")
			.authorizationUri(this.cognito.domain() + "/oauth2/authorize")
			.tokenUri(this.cognito.domain() + "/oauth2/token")
			.jwkSetUri(this.cognito.issuer() + "/.well-known/jwks.json")
			.issuerUri(this.cognito.issuer())
			.build();
	}

}
