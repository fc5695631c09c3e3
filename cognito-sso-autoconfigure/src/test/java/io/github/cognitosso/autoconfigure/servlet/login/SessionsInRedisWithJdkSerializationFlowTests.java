package io.github.cognitosso.autoconfigure.servlet.login;

import org.springframework.context.annotation.Configuration;

/**
 * Sessions in Redis with Spring Session's default, JDK serialization.
 */
class SessionsInRedisWithJdkSerializationFlowTests extends SessionsInRedisFlowTestSupport {

	@Override
	Class<?> serializerConfiguration() {
		return JdkSerialization.class;
	}

	/** Nothing to configure: JDK serialization is the default. */
	@Configuration(proxyBeanMethods = false)
	static class JdkSerialization {

	}

}
