package io.github.cognitosso.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the sample keeps its sessions: in the servlet container without a profile
 * (nothing of Redis is even created, so nothing tries to reach one), in Redis through
 * Spring Session under the profile {@code redis}, at the address of Boot's
 * {@code spring.data.redis.*}. Redis is not running here: connections are opened on first
 * use.
 */
class SessionStoreProfilesTests {

	@Test
	void withoutAProfileSessionsStayInTheServletContainerAndNothingOfRedisExists() {
		try (ConfigurableApplicationContext sample = start()) {
			assertThat(sample.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
			assertThat(sample.getBeanNamesForType(SessionRepository.class)).isEmpty();
			assertThat(sample.getBeanNamesForType(SessionRepositoryFilter.class)).isEmpty();
		}
	}

	@Test
	void theRedisProfileKeepsSessionsInRedisAtBootsAddress() {
		try (ConfigurableApplicationContext sample = start("--spring.profiles.active=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=16380")) {
			assertThat(sample.getBean(SessionRepository.class)).isInstanceOf(RedisSessionRepository.class);
			LettuceConnectionFactory redis = sample.getBean(LettuceConnectionFactory.class);
			assertThat(redis.getHostName()).isEqualTo("127.0.0.1");
			assertThat(redis.getPort()).isEqualTo(16380);
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--server.address=127.0.0.1";
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

}
