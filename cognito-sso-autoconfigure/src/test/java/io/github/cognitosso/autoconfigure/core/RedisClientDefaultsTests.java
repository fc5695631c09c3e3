package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisClientDefaultsTests {

	@Test
	void withoutRedisTimeoutsSetCommandsAndConnectionsGiveUpWithinSeconds() {
		RedisClientDefaults defaults = new RedisClientDefaults(new MockEnvironment());

		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();
		defaults.customize(builder);
		ClientOptions.Builder options = ClientOptions.builder();
		defaults.customize(options);

		assertThat(builder.build().getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
		ClientOptions built = options.build();
		assertThat(built.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		assertThat(built.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void timeoutsTheApplicationSetAreLeftToSpringBoot() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.timeout", "30s")
			.withProperty("spring.data.redis.connect-timeout", "5s");
		RedisClientDefaults defaults = new RedisClientDefaults(environment);

		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(30));
		defaults.customize(builder);
		ClientOptions.Builder options = ClientOptions.builder();
		defaults.customize(options);

		assertThat(builder.build().getCommandTimeout()).isEqualTo(Duration.ofSeconds(30));
		ClientOptions built = options.build();
		assertThat(built.getSocketOptions().getConnectTimeout())
			.isEqualTo(ClientOptions.create().getSocketOptions().getConnectTimeout());
		// Rejecting commands while disconnected stays: waiting would hold every page.
		assertThat(built.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
