package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoIssuerValidatorTests {

	private static final CognitoEndpoints POOL = CognitoEndpoints.builder().userPoolId(TestTokens.POOL_ID).build();

	private final CognitoIssuerValidator bothForms = forPool(POOL, true);

	/**
	 * The validator for the pool that the properties-to-pool mapping builds, with
	 * {@code cognito.resource-server.accept-both-issuer-types} as given.
	 */
	private static CognitoIssuerValidator forPool(CognitoEndpoints endpoints, boolean bothIssuerTypes) {
		CognitoProperties properties = new CognitoProperties();
		properties.setClientId(TestTokens.CLIENT_ID);
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		resourceServer.setAcceptBothIssuerTypes(bothIssuerTypes);
		CognitoJwkSource keys = CognitoJwtDecoders.jwkSource(resourceServer.getJwks(), endpoints, Clock.systemUTC());
		return CognitoIssuerValidator.forPool(CognitoPool.from(properties, resourceServer, endpoints, keys));
	}

	private static OAuth2TokenValidatorResult validate(CognitoIssuerValidator validator, Object issuer) {
		return validator.validate(Jwts.jwt(Map.of("sub", "x", "iss", issuer)));
	}

	private static String description(OAuth2TokenValidatorResult result) {
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse(null);
	}

	@Test
	void originalIssuerOfThePoolIsAccepted() {
		assertThat(validate(this.bothForms, TestTokens.ISSUER).hasErrors()).isFalse();
	}

	@Test
	void multiRegionIssuerOfThePoolIsAcceptedByDefault() {
		assertThat(validate(this.bothForms, TestTokens.MULTI_REGION_ISSUER).hasErrors()).isFalse();
	}

	@Test
	void onlyTheConfiguredIssuerTypeIsAcceptedWhenBothAreNot() {
		CognitoEndpoints multiRegionPool = CognitoEndpoints.builder()
			.userPoolId(TestTokens.POOL_ID)
			.issuerType(IssuerType.MULTI_REGION)
			.build();
		CognitoIssuerValidator validator = forPool(multiRegionPool, false);
		assertThat(validate(validator, TestTokens.MULTI_REGION_ISSUER).hasErrors()).isFalse();
		assertThat(description(validate(validator, TestTokens.ISSUER)))
			.isEqualTo("Invalid issuer: the token's iss is not this user pool");
	}

	@Test
	void issuerOfAnotherPoolIsRejected() {
		assertThat(description(
				validate(this.bothForms, "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_OtherPool")))
			.isEqualTo("Invalid issuer: the token's iss is not this user pool");
	}

	@Test
	void issuerInAnotherRegionIsRejected() {
		assertThat(validate(this.bothForms, "https://cognito-idp.eu-west-1.amazonaws.com/" + TestTokens.POOL_ID)
			.hasErrors()).isTrue();
	}

	@Test
	void issuerWithATrailingSlashIsRejected() {
		assertThat(validate(this.bothForms, TestTokens.ISSUER + "/").hasErrors()).isTrue();
	}

	@Test
	void issuerInAnotherCaseIsRejected() {
		assertThat(validate(this.bothForms, TestTokens.ISSUER.toUpperCase()).hasErrors()).isTrue();
	}

	@Test
	void tokenWithoutIssuerIsRejected() {
		OAuth2TokenValidatorResult result = this.bothForms.validate(Jwts.jwt(Map.of("sub", "x")));
		assertThat(description(result)).isEqualTo("Invalid issuer: the token has no iss claim");
	}

	@Test
	void anIssuerOverrideIsTheOnlyAcceptedIssuer() {
		CognitoEndpoints emulator = CognitoEndpoints.builder()
			.userPoolId("local_abc12345")
			.issuerUri("http://localhost:9229/local_abc12345")
			.build();
		CognitoIssuerValidator validator = forPool(emulator, true);
		assertThat(validate(validator, "http://localhost:9229/local_abc12345").hasErrors()).isFalse();
		assertThat(validate(validator, "https://cognito-idp.local.amazonaws.com/local_abc12345").hasErrors()).isTrue();
	}

}
