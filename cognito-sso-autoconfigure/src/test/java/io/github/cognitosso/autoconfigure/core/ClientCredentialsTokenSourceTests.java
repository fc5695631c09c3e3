package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the back-off arithmetic of {@link ClientCredentialsTokenSource}; the back-off
 * as an application sees it is tested with the simulator in
 * {@code ClientCredentialsTokenBackoffTests}.
 */
class ClientCredentialsTokenSourceTests {

	@Test
	void backoffGrowsByDoublingUpToItsMaximumAndJitterTakesOffAtMostHalf() {
		Duration initial = Duration.ofSeconds(1);
		Duration max = Duration.ofSeconds(30);
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 1, 0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 2, 0)).isEqualTo(Duration.ofSeconds(2));
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 5, 0)).isEqualTo(Duration.ofSeconds(16));
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 6, 0)).isEqualTo(max);
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 1000, 0)).isEqualTo(max);
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 1, Math.nextDown(1.0)))
			.isEqualTo(Duration.ofMillis(501));
		assertThat(ClientCredentialsTokenSource.backoffDelay(initial, max, 1000, Math.nextDown(1.0)))
			.isEqualTo(Duration.ofMillis(15001));
	}

}
