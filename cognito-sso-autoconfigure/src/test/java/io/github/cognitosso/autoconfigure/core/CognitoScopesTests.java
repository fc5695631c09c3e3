package io.github.cognitosso.autoconfigure.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoScopesTests {

	@Test
	void scopesAreSplitAtSpaces() {
		assertThat(CognitoScopes.split("openid email orders/read")).containsExactly("openid", "email", "orders/read");
	}

	@Test
	void tabsAndLineBreaksSeparateToo() {
		assertThat(CognitoScopes.split("openid\temail\r\norders/read")).containsExactly("openid", "email",
				"orders/read");
	}

	@Test
	void repeatedLeadingAndTrailingSeparatorsLeaveNoEmptyScope() {
		assertThat(CognitoScopes.split("  openid \t  email   ")).containsExactly("openid", "email");
	}

	@Test
	void blankAndNullHoldNoScope() {
		assertThat(CognitoScopes.split(" \t ")).isEmpty();
		assertThat(CognitoScopes.split(null)).isEmpty();
	}

	@Test
	void aNonBreakingSpaceIsPartOfAScopeNotASeparator() {
		assertThat(CognitoScopes.split("orders/read\u00A0x email")).containsExactly("orders/read\u00A0x", "email");
	}

	@Test
	void containsFindsWholeScopesOnlyWithTheSameSeparators() {
		assertThat(CognitoScopes.contains("openid\torders/read  email", "orders/read")).isTrue();
		assertThat(CognitoScopes.contains("openid orders/readwrite", "orders/read")).isFalse();
		assertThat(CognitoScopes.contains("xorders/read", "orders/read")).isFalse();
		assertThat(CognitoScopes.contains(null, "orders/read")).isFalse();
	}

}
