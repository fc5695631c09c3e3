package io.github.cognitosso.autoconfigure.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequiredScopesValidatorTests {

	private final RequiredScopesValidator validator = new RequiredScopesValidator(List.of("orders/read", "openid"));

	@Test
	void tokenWithEveryRequiredScopeIsAccepted() {
		assertThat(this.validator.validate(Jwts.jwt(Map.of("scope", "openid email orders/read"))).hasErrors())
			.isFalse();
	}

	@Test
	void tokenMissingARequiredScopeFailsWithInsufficientScope() {
		OAuth2Error error = this.validator.validate(Jwts.jwt(Map.of("scope", "openid orders/write")))
			.getErrors()
			.iterator()
			.next();
		assertThat(error).isInstanceOfSatisfying(BearerTokenError.class, (bearer) -> {
			assertThat(bearer.getErrorCode()).isEqualTo("insufficient_scope");
			assertThat(bearer.getHttpStatus()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(bearer.getScope()).isEqualTo("orders/read openid");
			assertThat(bearer.getDescription())
				.isEqualTo("Insufficient scope: the token lacks a scope this API requires");
		});
	}

	@Test
	void aScopeMatchesOnlyAsAWholeWord() {
		assertThat(this.validator.validate(Jwts.jwt(Map.of("scope", "openid orders/read-all"))).hasErrors()).isTrue();
		assertThat(this.validator.validate(Jwts.jwt(Map.of("scope", "xorders/read openid"))).hasErrors()).isTrue();
		assertThat(this.validator.validate(Jwts.jwt(Map.of("scope", "xorders/read openid orders/read"))).hasErrors())
			.isFalse();
	}

	@Test
	void tokenWithoutScopeClaimFails() {
		assertThat(this.validator.validate(Jwts.jwt(Map.of("sub", "x"))).hasErrors()).isTrue();
	}

	@Test
	void scopeClaimOfTheWrongTypeFails() {
		assertThat(this.validator.validate(Jwts.jwt(Map.of("scope", List.of("openid", "orders/read")))).hasErrors())
			.isTrue();
	}

	@Test
	void aRequiredScopeMustBeAValidScopeToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequiredScopesValidator(List.of("orders read")));
		assertThatIllegalArgumentException().isThrownBy(() -> new RequiredScopesValidator(List.of("a\"b")));
	}

}
