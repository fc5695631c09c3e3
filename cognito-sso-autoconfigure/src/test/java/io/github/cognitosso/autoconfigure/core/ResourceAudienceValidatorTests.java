package io.github.cognitosso.autoconfigure.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceAudienceValidatorTests {

	private final ResourceAudienceValidator validator = new ResourceAudienceValidator(
			List.of("https://api.example.com/orders", "https://api.example.com/billing"));

	private String failure(Map<String, Object> claims) {
		OAuth2TokenValidatorResult result = this.validator.validate(Jwts.jwt(claims));
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse(null);
	}

	@Test
	void accessTokenForOneOfTheResourcesIsAccepted() {
		assertThat(failure(Map.of("token_use", "access", "aud", List.of("https://api.example.com/billing")))).isNull();
	}

	@Test
	void accessTokenForAnotherResourceIsRejected() {
		assertThat(failure(Map.of("token_use", "access", "aud", List.of("https://api.example.com/admin"))))
			.isEqualTo("Invalid audience: the token's aud names none of this API's resources");
	}

	@Test
	void accessTokenWithoutAudienceIsRejected() {
		// Without a resource indicator Cognito writes no aud at all.
		assertThat(failure(Map.of("token_use", "access", "client_id", TestTokens.CLIENT_ID)))
			.isEqualTo("Invalid audience: the token's aud names none of this API's resources");
	}

	@Test
	void idTokensAreLeftToTheAppClientCheck() {
		assertThat(failure(Map.of("token_use", "id", "aud", List.of(TestTokens.CLIENT_ID)))).isNull();
	}

}
