package io.github.cognitosso.autoconfigure.servlet.login;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSessionTokensLockTests {

	private final LocalSessionTokensLock lock = new LocalSessionTokensLock();

	@Test
	void aLockIsDroppedOnceNoRequestHoldsIt() {
		MockHttpServletRequest request = new MockHttpServletRequest();

		String result = this.lock.call(request, "session-1", () -> {
			assertThat(this.lock.size()).isEqualTo(1);
			return "refreshed";
		});

		assertThat(result).isEqualTo("refreshed");
		assertThat(this.lock.size()).isZero();
	}

	@Test
	void aRequestHoldingTheLockMayTakeItAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest();

		String result = this.lock.call(request, "session-1",
				() -> this.lock.call(request, "session-1", () -> "nested"));

		assertThat(result).isEqualTo("nested");
		assertThat(this.lock.size()).isZero();
	}

}
