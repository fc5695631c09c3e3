package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;

/**
 * Lettuce settings for sessions in Redis, so that a Redis outage answers a request within
 * a second or two instead of holding it: with Lettuce's defaults a command waits while
 * the client is disconnected until {@code spring.data.redis.timeout} runs out (60 seconds
 * when unset), and every page of a signed-in user would hang that long.
 * <ul>
 * <li>commands are rejected at once while the connection is down (Lettuce reconnects in
 * the background and they are accepted again as soon as it is back);
 * <li>{@link #COMMAND_TIMEOUT} and {@link #CONNECT_TIMEOUT} unless
 * {@code spring.data.redis.timeout} and {@code spring.data.redis.connect-timeout} are
 * set;
 * <li>reconnect attempts at most {@link #MAX_RECONNECT_DELAY} apart, so sessions come
 * back within that time of Redis.
 * </ul>
 * The bean is ordered first, so an application's own Lettuce customizers run after it and
 * win.
 */
public final class RedisClientDefaults implements LettuceClientConfigurationBuilderCustomizer,
		LettuceClientOptionsBuilderCustomizer, ClientResourcesBuilderCustomizer {

	public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

	private final Environment environment;

	public RedisClientDefaults(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(LettuceClientConfigurationBuilder builder) {
		if (!this.environment.containsProperty("spring.data.redis.timeout")) {
			builder.commandTimeout(COMMAND_TIMEOUT);
		}
	}

	@Override
	public void customize(ClientOptions.Builder builder) {
		builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		if (!this.environment.containsProperty("spring.data.redis.connect-timeout")) {
			builder.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build());
		}
	}

	@Override
	public void customize(ClientResources.Builder builder) {
		builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
	}

}
