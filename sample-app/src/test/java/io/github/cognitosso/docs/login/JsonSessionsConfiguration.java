package io.github.cognitosso.docs.login;

import io.github.cognitosso.autoconfigure.core.CognitoJacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * docs/login.md, "Several instances": sessions stored in Redis as JSON.
 */
@Configuration(proxyBeanMethods = false)
class JsonSessionsConfiguration {

	// tag::json-sessions[]
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer() {
		// Spring Security's Jackson modules and the starter's, with one type validator.
		JsonMapper mapper = JsonMapper.builder()
			.addModules(CognitoJacksonModule.modules(getClass().getClassLoader()))
			.build();
		return new GenericJacksonJsonRedisSerializer(mapper);
	}
	// end::json-sessions[]

}
