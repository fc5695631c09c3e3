package io.github.cognitosso.docs.testing;

import java.time.Duration;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md, "Expired and special tokens": an expired token gets a 401 whose RFC
 * 6750 {@code error_description} says it expired (not that it is malformed).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class ExpiredTokenTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	// tag::expired[]
	@Test
	void expiredTokenIsUnauthorized() {
		String token = this.cognito.tokens()
			.expiredSince(Duration.ofMinutes(5))
			.accessToken(this.cognito.user("alice"), "demo-client", "demo-api/read");
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).contains("error=\"invalid_token\"")
				.contains("error_description=\"Expired"));
	}
	// end::expired[]

	@Test
	void tokenExpiredLongerAgoThanTheClockSkewIsUnauthorizedToo() {
		// expired(): an hour ago, far beyond the starter's default clock skew of 60
		// seconds.
		String token = this.cognito.tokens().expired().machineToken("demo-client", "demo-api/read");
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/orders")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).contains("Expired"));
	}

}
