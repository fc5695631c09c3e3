package io.github.cognitosso.autoconfigure.core;

import java.util.Date;
import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoder built from properties, without Spring: which tokens each setting accepts.
 */
class CognitoJwtDecoderTests {

	private static JwksServer jwks;

	private CognitoProperties properties;

	private CognitoResourceServerProperties resourceServer;

	@BeforeAll
	static void startJwks() {
		jwks = new JwksServer().publish(TestTokens.POOL_KEY);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@BeforeEach
	void properties() {
		this.properties = new CognitoProperties();
		this.resourceServer = new CognitoResourceServerProperties();
		this.properties.setUserPoolId(TestTokens.POOL_ID);
		this.properties.setClientId(TestTokens.CLIENT_ID);
		this.properties.setJwkSetUri(jwks.jwkSetUri());
	}

	private JwtDecoder decoder() {
		return CognitoJwtDecoders.fromProperties(this.properties, this.resourceServer, this.properties.toEndpoints());
	}

	private void assertRejected(String token, String description) {
		JwtDecoder decoder = decoder();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.satisfies((ex) -> assertThat(description(ex)).isEqualTo(description));
	}

	private static String description(BadJwtException ex) {
		if (ex instanceof JwtValidationException validation) {
			return validation.getErrors().iterator().next().getDescription();
		}
		return ex.getMessage();
	}

	@Test
	void userAccessTokenIsAccepted() {
		Jwt jwt = decoder().decode(TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(jwt.getClaimAsString("username")).isEqualTo("alice");
		assertThat(jwt.getClaimAsStringList("cognito:groups")).containsExactly("admin", "staff");
	}

	@Test
	void machineTokenWhoseSubjectIsTheClientIdIsAcceptedWhenItsClientIs() {
		this.resourceServer.setAcceptedClientIds(List.of(TestTokens.MACHINE_CLIENT_ID));
		Jwt jwt = decoder().decode(TestTokens.sign(TestTokens.machineAccessToken()));
		assertThat(jwt.getSubject()).isEqualTo(TestTokens.MACHINE_CLIENT_ID);
		assertThat(jwt.hasClaim("username")).isFalse();
	}

	@Test
	void machineTokenOfAClientNotAcceptedIsRejected() {
		assertRejected(TestTokens.sign(TestTokens.machineAccessToken()),
				"Invalid client: the token's client_id is not an accepted app client");
	}

	@Test
	void idTokenIsRejectedByDefault() {
		assertRejected(TestTokens.sign(TestTokens.idToken()), "Invalid token_use: only access tokens are accepted");
	}

	@Test
	void idTokenIsAcceptedWhenIdIsAllowed() {
		this.resourceServer.setAcceptedTokenUses(List.of(TokenUse.ACCESS, TokenUse.ID));
		Jwt jwt = decoder().decode(TestTokens.sign(TestTokens.idToken()));
		assertThat(jwt.getClaimAsString("cognito:username")).isEqualTo("alice");
	}

	@Test
	void idTokenForAnotherClientIsRejectedEvenWhenIdIsAllowed() {
		this.resourceServer.setAcceptedTokenUses(List.of(TokenUse.ID));
		assertRejected(TestTokens.sign(TestTokens.idToken().audience(TestTokens.OTHER_CLIENT_ID)),
				"Invalid client: the ID token's aud is not an accepted app client");
	}

	@Test
	void idTokenWithoutAudienceIsRejectedEvenWhenIdIsAllowed() {
		this.resourceServer.setAcceptedTokenUses(List.of(TokenUse.ID));
		assertRejected(TestTokens.sign(TestTokens.idToken().audience((String) null)),
				"Invalid client: the ID token's aud is not an accepted app client");
	}

	@Test
	void everyAppClientIsAcceptedWhenAskedFor() {
		this.properties.setClientId(null);
		this.resourceServer.setAcceptAnyClient(true);
		assertThat(decoder().decode(TestTokens.sign(TestTokens.machineAccessToken()))).isNotNull();
	}

	@Test
	void multiRegionIssuerIsAcceptedByDefault() {
		assertThat(
				decoder().decode(TestTokens.sign(TestTokens.userAccessToken().issuer(TestTokens.MULTI_REGION_ISSUER))))
			.isNotNull();
	}

	@Test
	void onlyTheConfiguredIssuerFormIsAcceptedWhenAskedFor() {
		this.resourceServer.setAcceptBothIssuerTypes(false);
		this.properties.setIssuerType(IssuerType.MULTI_REGION);
		assertThat(
				decoder().decode(TestTokens.sign(TestTokens.userAccessToken().issuer(TestTokens.MULTI_REGION_ISSUER))))
			.isNotNull();
		assertRejected(TestTokens.sign(TestTokens.userAccessToken()),
				"Invalid issuer: the token's iss is not this user pool");
	}

	@Test
	void resourceIndicatorIsRequiredWhenAudiencesAreSet() {
		this.resourceServer.setAudiences(List.of("https://api.example.com/orders"));
		assertThat(decoder()
			.decode(TestTokens.sign(TestTokens.userAccessToken().audience("https://api.example.com/orders"))))
			.isNotNull();
		assertRejected(TestTokens.sign(TestTokens.userAccessToken()),
				"Invalid audience: the token's aud names none of this API's resources");
	}

	@Test
	void requiredScopesFailWithInsufficientScope() {
		this.resourceServer.setRequiredScopes(List.of("orders/write"));
		JwtDecoder decoder = decoder();
		String token = TestTokens.sign(TestTokens.userAccessToken());
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(token))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("insufficient_scope")));
	}

	@Test
	void anInvalidTokenReportsTheFirstFailedCheck() {
		// Wrong issuer and expired: the issuer is reported first.
		assertRejected(
				TestTokens.sign(TestTokens.userAccessToken()
					.issuer("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_OtherPool")
					.issueTime(new Date(System.currentTimeMillis() - 7_200_000))
					.expirationTime(new Date(System.currentTimeMillis() - 3_600_000))),
				"Invalid issuer: the token's iss is not this user pool");
	}

	@Test
	void tokensOverTheSizeLimitAreRejectedBeforeParsing() {
		this.resourceServer.setMaxTokenSize(DataSize.ofBytes(100));
		assertRejected("x".repeat(101), "Too large: the token is longer than 100 characters");
	}

}
