package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.SharedSessionRefreshLock;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in Redis with Spring Session's default, JDK serialization; and a refresh lock
 * that another instance keeps for longer than a request waits (2 x the login timeout + 5
 * s, 9 s here).
 */
@TestPropertySource(properties = "cognito.login.timeout=2s")
class SessionsInRedisWithJdkSerializationFlowTests extends SessionsInRedisFlowTestSupport {

	@Override
	Class<?> serializerConfiguration() {
		return JdkSerialization.class;
	}

	@Test
	void aRefreshLockHeldElsewhereLongerThanTheWaitAnswers503AndTheSessionSurvives() {
		signInAsAlice("/me");
		String before = accessToken(this.browser, app("/token"));
		clock.advance(Duration.ofMinutes(61));
		String lock = SharedSessionRefreshLock.key(sessionId());
		assertThat(redis.command("SET " + lock + " another-instance PX 60000")).isEqualTo("+OK");

		HttpResponse<String> page = this.browser.navigate(app("/me"));
		HttpResponse<String> api = this.browser.get(app("/token"), Map.of("Accept", "application/json"));

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("Session not renewed").doesNotContain("Exception");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.body()).doesNotContain("Exception").doesNotContain("trace");
		assertThat(refreshes()).isZero();
		// Another instance's lock is left to it.
		assertThat(redis.bulk("GET " + lock)).isEqualTo("another-instance");

		assertThat(redis.command("DEL " + lock)).isEqualTo(":1");
		assertThat(accessToken(this.browser, app("/token"))).isNotEqualTo(before);
		assertThat(refreshes()).isEqualTo(1);
	}

	/** Nothing to configure: JDK serialization is the default. */
	@Configuration(proxyBeanMethods = false)
	static class JdkSerialization {

	}

}
