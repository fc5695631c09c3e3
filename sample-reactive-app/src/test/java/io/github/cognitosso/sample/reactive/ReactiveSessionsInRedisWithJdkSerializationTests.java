package io.github.cognitosso.sample.reactive;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * WebSessions in Redis with Spring Session's default JDK serialization, and what a
 * signed-in user sees while Redis is down and once it is back.
 */
class ReactiveSessionsInRedisWithJdkSerializationTests extends ReactiveSessionsInRedisTestSupport {

	@Test
	void whileRedisIsDownPagesAnswerA503AndBearerCallsStillWorkThenTheSessionComesBack() {
		signInAsAlice("/me");
		redis.stop();
		try {
			// Lettuce rejects commands while disconnected: an answer at once, not after
			// spring.data.redis.timeout (60 s when unset).
			EntityExchangeResult<String> page = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> this.browser.navigate(app("/me")));
			assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(page.getResponseHeaders().getFirst("Retry-After")).isEqualTo("5");
			assertThat(page.getResponseBody()).contains("<h1>Temporarily unavailable</h1>")
				.contains("You stay signed in")
				.doesNotContain("Exception");

			EntityExchangeResult<String> api = this.browser.get(app("/me"), "application/json");
			assertThat(api.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(api.getResponseBody()).contains("\"error\":\"session_store_unavailable\"");

			String token = cognito.simulator()
				.tokens()
				.accessToken(cognito.simulator().user("alice"), CLIENT_ID, "openid");
			// An API client, with its token and without the browser's session cookie.
			EntityExchangeResult<String> bearer = new Browser().get(app("/api/hello"), "application/json",
					"Bearer " + token);
			assertThat(bearer.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(bearer.getResponseBody()).contains("\"caller\":\"alice\"");
			// The browser's own API call with a token: it carries the session cookie, and
			// needs no session, as on the servlet stack.
			EntityExchangeResult<String> bearerWithCookie = this.browser.get(app("/api/hello"), "application/json",
					"Bearer " + token);
			assertThat(bearerWithCookie.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(bearerWithCookie.getResponseBody()).contains("\"caller\":\"alice\"");
		}
		finally {
			redis.start();
		}
		// Lettuce reconnects in the background; the session Redis kept is used again.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.browser.navigate(app("/me")).getStatus() == HttpStatus.OK);
		EntityExchangeResult<String> me = this.browser.navigate(app("/me"));
		assertThat(Browser.text(me.getResponseBody(), "username")).isEqualTo("alice");
	}

}
