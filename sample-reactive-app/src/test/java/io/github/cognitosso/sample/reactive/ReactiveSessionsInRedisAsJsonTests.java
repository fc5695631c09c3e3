package io.github.cognitosso.sample.reactive;

import io.github.cognitosso.autoconfigure.core.CognitoJacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * WebSessions in Redis as JSON: Spring Session's
 * {@code springSessionDefaultRedisSerializer} built on Spring Security's Jackson modules
 * and the starter's {@link CognitoJacksonModule}, the same bean a servlet application
 * defines.
 */
@Import(ReactiveSessionsInRedisAsJsonTests.JsonSessions.class)
class ReactiveSessionsInRedisAsJsonTests extends ReactiveSessionsInRedisTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class JsonSessions {

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer() {
			JsonMapper mapper = JsonMapper.builder()
				.addModules(CognitoJacksonModule.modules(getClass().getClassLoader()))
				.build();
			return new GenericJacksonJsonRedisSerializer(mapper);
		}

	}

}
