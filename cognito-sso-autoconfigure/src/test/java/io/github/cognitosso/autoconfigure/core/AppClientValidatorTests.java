package io.github.cognitosso.autoconfigure.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import static org.assertj.core.api.Assertions.assertThat;

class AppClientValidatorTests {

	private final AppClientValidator validator = new AppClientValidator(
			List.of(TestTokens.CLIENT_ID, TestTokens.MACHINE_CLIENT_ID));

	private String failure(Map<String, Object> claims) {
		OAuth2TokenValidatorResult result = this.validator.validate(Jwts.jwt(claims));
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse(null);
	}

	@Test
	void accessTokenOfAnAcceptedClientIsAccepted() {
		assertThat(failure(Map.of("token_use", "access", "client_id", TestTokens.CLIENT_ID))).isNull();
		assertThat(failure(Map.of("token_use", "access", "client_id", TestTokens.MACHINE_CLIENT_ID))).isNull();
	}

	@Test
	void accessTokenOfAnotherClientIsRejected() {
		assertThat(failure(Map.of("token_use", "access", "client_id", TestTokens.OTHER_CLIENT_ID)))
			.isEqualTo("Invalid client: the token's client_id is not an accepted app client");
	}

	@Test
	void accessTokenWithoutClientIdIsRejected() {
		assertThat(failure(Map.of("token_use", "access")))
			.isEqualTo("Invalid client: the access token has no client_id claim");
	}

	@Test
	void accessTokenWithAnAudienceButNoClientIdIsRejected() {
		// Cognito's access tokens name their client in client_id; an aud alone does not
		// do.
		assertThat(failure(Map.of("token_use", "access", "aud", List.of(TestTokens.CLIENT_ID))))
			.isEqualTo("Invalid client: the access token has no client_id claim");
	}

	@Test
	void clientIdOfTheWrongTypeIsRejected() {
		assertThat(failure(Map.of("token_use", "access", "client_id", List.of(TestTokens.CLIENT_ID))))
			.isEqualTo("Invalid client: the token's client_id is not an accepted app client");
	}

	@Test
	void idTokenForAnAcceptedClientIsAccepted() {
		assertThat(failure(Map.of("token_use", "id", "aud", List.of(TestTokens.CLIENT_ID)))).isNull();
	}

	@Test
	void idTokenForAnotherClientIsRejected() {
		assertThat(failure(Map.of("token_use", "id", "aud", List.of(TestTokens.OTHER_CLIENT_ID))))
			.isEqualTo("Invalid client: the ID token's aud is not an accepted app client");
	}

	@Test
	void idTokenWithoutAudienceIsRejected() {
		assertThat(failure(Map.of("token_use", "id", "client_id", TestTokens.CLIENT_ID)))
			.isEqualTo("Invalid client: the ID token's aud is not an accepted app client");
	}

}
