package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.core.CognitoJacksonModule;
import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in Redis as JSON: Spring Session's serializer built on Spring Security's
 * Jackson modules and the starter's {@link CognitoJacksonModule}.
 */
@Import(SessionsInRedisAsJsonFlowTests.JsonSerialization.class)
class SessionsInRedisAsJsonFlowTests extends SessionsInRedisFlowTestSupport {

	@Override
	Class<?> serializerConfiguration() {
		return JsonSerialization.class;
	}

	@Test
	void theSignedInUserAndItsTokensAreStoredAsJson() {
		signInAsAlice("/me");
		String session = "spring:session:sessions:" + sessionId();

		assertThat(redis.bulk("HGET " + session + " sessionAttr:SPRING_SECURITY_CONTEXT")).startsWith("{")
			.contains("\"" + CognitoLoginAuthentication.class.getName() + "\"")
			.contains("\"username\":\"alice\"");
		assertThat(redis.bulk("HGET " + session + " sessionAttr:" + SessionRefreshCoordinator.AUTHORIZED_CLIENTS))
			.startsWith("{")
			.contains("\"refreshToken\"");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class JsonSerialization {

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer() {
			JsonMapper mapper = JsonMapper.builder()
				.addModules(CognitoJacksonModule.modules(getClass().getClassLoader()))
				.build();
			return new GenericJacksonJsonRedisSerializer(mapper);
		}

	}

}
