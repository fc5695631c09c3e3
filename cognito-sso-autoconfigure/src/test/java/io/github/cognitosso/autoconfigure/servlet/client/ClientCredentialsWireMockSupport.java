package io.github.cognitosso.autoconfigure.servlet.client;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock Cognito token endpoint, a WireMock API, and an application with the starter
 * pointed at them, on a clock the test moves.
 */
abstract class ClientCredentialsWireMockSupport {

	static final String CLIENT_ID = "4pq2m2mclientid00000000000";

	static final String SECRET = "never-shown-m2m-secret-0123456789abcdefghijklmnopqrst";

	static final String TOKEN_PATH = "/oauth2/token";

	/**
	 * Token responses stubbed with this transformer wait until the test releases them.
	 */
	static final HeldResponses HELD = new HeldResponses();

	@RegisterExtension
	static final WireMockExtension cognito = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(HELD))
		.build();

	@RegisterExtension
	static final WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
					CognitoClientCredentialsAutoConfiguration.class))
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs",
					"cognito.endpoints.token-uri=" + cognito.baseUrl() + TOKEN_PATH,
					"cognito.client-credentials.client-id=" + CLIENT_ID,
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.scopes=orders-api/read, orders-api/write",
					"cognito.client-credentials.base-url=" + api.baseUrl());
	}

	/**
	 * Cognito's answer to a client credentials grant: no refresh token, no scope echoed.
	 */
	static ResponseDefinitionBuilder tokenResponse(String accessToken, long expiresInSeconds) {
		return okJson("{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresInSeconds
				+ ",\"token_type\":\"Bearer\"}");
	}

	static final class HeldResponses implements ResponseDefinitionTransformerV2 {

		private volatile CountDownLatch release = new CountDownLatch(0);

		void hold() {
			this.release = new CountDownLatch(1);
		}

		void release() {
			this.release.countDown();
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			try {
				if (!this.release.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("Held response never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "held";
		}

	}

}
