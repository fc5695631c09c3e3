package io.github.cognitosso.autoconfigure.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthorizationTests {

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "bearer abc", "BEARER abc", "Bearer", "Bearer ", "Bearer  abc",
			"Bearer\tabc", "Bearer:abc", "Bearer=abc", "Bearer,abc" })
	void valuesWhoseSchemeIsBearerAreBearerValues(String authorization) {
		assertThat(BearerAuthorization.isBearer(authorization)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "Bearerx abc", "Bearerabc", "Bearer-x abc", "Bearer.abc", "Basic dXNlcjpwdw==", "bear", "",
			" Bearer abc", "Token abc" })
	void valuesOfAnotherSchemeAreNot(String authorization) {
		assertThat(BearerAuthorization.isBearer(authorization)).isFalse();
	}

}
