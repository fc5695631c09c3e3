package io.github.cognitosso.autoconfigure.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUseValidatorTests {

	private static String failure(TokenUseValidator validator, Map<String, Object> claims) {
		OAuth2TokenValidatorResult result = validator.validate(Jwts.jwt(claims));
		return result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse(null);
	}

	private final TokenUseValidator accessOnly = new TokenUseValidator(List.of(TokenUse.ACCESS));

	@Test
	void accessTokenIsAcceptedByDefault() {
		assertThat(failure(this.accessOnly, Map.of("token_use", "access"))).isNull();
	}

	@Test
	void idTokenIsRejectedWhereAccessTokensAreExpected() {
		assertThat(failure(this.accessOnly, Map.of("token_use", "id")))
			.isEqualTo("Invalid token_use: only access tokens are accepted");
	}

	@Test
	void idTokenIsAcceptedWhenIdIsAllowed() {
		TokenUseValidator both = new TokenUseValidator(List.of(TokenUse.ACCESS, TokenUse.ID));
		assertThat(failure(both, Map.of("token_use", "id"))).isNull();
		assertThat(failure(both, Map.of("token_use", "refresh")))
			.isEqualTo("Invalid token_use: only access and ID tokens are accepted");
	}

	@Test
	void accessTokenIsRejectedWhenOnlyIdTokensAreAllowed() {
		TokenUseValidator idOnly = new TokenUseValidator(List.of(TokenUse.ID));
		assertThat(failure(idOnly, Map.of("token_use", "access")))
			.isEqualTo("Invalid token_use: only ID tokens are accepted");
	}

	@Test
	void tokenWithoutTokenUseIsRejected() {
		assertThat(failure(this.accessOnly, Map.of("sub", "x")))
			.isEqualTo("Invalid token_use: the token has no token_use claim");
	}

	@Test
	void tokenUseOfTheWrongTypeIsRejected() {
		assertThat(failure(this.accessOnly, Map.of("token_use", List.of("access"))))
			.isEqualTo("Invalid token_use: only access tokens are accepted");
	}

}
