package io.github.cognitosso.sample.reactive;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.DefaultWebSessionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the reactive sample keeps its WebSessions: in WebFlux's in-memory store without a
 * profile (nothing of Redis is even created, so nothing tries to reach one), in Redis
 * through Spring Session under the profile {@code redis}, at the address of Boot's
 * {@code spring.data.redis.*}. Redis is not running here: connections are opened on first
 * use.
 */
class ReactiveSessionStoreProfilesTests {

	@Test
	void withoutAProfileWebSessionsStayInMemoryAndNothingOfRedisExists() {
		try (ConfigurableApplicationContext sample = start()) {
			assertThat(sample.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();
			assertThat(sample.getBeanNamesForType(ReactiveSessionRepository.class)).isEmpty();
			WebSessionManager sessions = sample.getBean(WebSessionManager.class);
			assertThat(sessions).isInstanceOf(DefaultWebSessionManager.class);
			assertThat(((DefaultWebSessionManager) sessions).getSessionStore())
				.isInstanceOf(InMemoryWebSessionStore.class);
		}
	}

	@Test
	void theRedisProfileKeepsWebSessionsInRedisAtBootsAddress() {
		try (ConfigurableApplicationContext sample = start("--spring.profiles.active=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=16381")) {
			assertThat(sample.getBean(ReactiveSessionRepository.class))
				.isInstanceOf(ReactiveRedisSessionRepository.class);
			LettuceConnectionFactory redis = sample.getBean(LettuceConnectionFactory.class);
			assertThat(redis.getHostName()).isEqualTo("127.0.0.1");
			assertThat(redis.getPort()).isEqualTo(16381);
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--server.address=127.0.0.1";
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new SpringApplicationBuilder(ReactiveSampleApplication.class, LocalCognito.class).run(all);
	}

}
