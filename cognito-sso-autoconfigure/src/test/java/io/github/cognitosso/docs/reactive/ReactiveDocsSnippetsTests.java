package io.github.cognitosso.docs.reactive;

import java.util.List;

import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The snippets of docs/reactive.md, run: the own chain with the Cognito set-up, the
 * controller behind it.
 */
class ReactiveDocsSnippetsTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void theOwnChainOfThePageKeepsPublicPathsOpenAndChecksGroupsAndScopes() {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(App.class)
			.withPropertyValues("cognito.user-pool-id=" + TestTokens.POOL_ID,
					"cognito.client-id=" + TestTokens.CLIENT_ID, "cognito.jwk-set-uri=" + jwks.jwkSetUri(),
					// A loaded build machine: the first key fetch may take longer than 2
					// s.
					"cognito.resource-server.jwks.read-timeout=10s")
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context.getSourceApplicationContext())
					.build();
				String alice = "Bearer " + TestTokens.sign(TestTokens.userAccessToken());
				String staff = "Bearer " + TestTokens
					.sign(TestTokens.userAccessToken((claims) -> claims.claim("cognito:groups", List.of())));
				client.get().uri("/public/ping").exchange().expectStatus().isOk();
				client.get().uri("/orders").exchange().expectStatus().isUnauthorized();
				client.get().uri("/orders").header("Authorization", alice).exchange().expectStatus().isOk();
				client.get().uri("/admin/stats").header("Authorization", alice).exchange().expectStatus().isOk();
				client.get().uri("/admin/stats").header("Authorization", staff).exchange().expectStatus().isForbidden();
				client.get()
					.uri("/me")
					.header("Authorization", alice)
					.exchange()
					.expectBody()
					.jsonPath("$.name")
					.isEqualTo("alice");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ OwnChainConfiguration.class, OrdersController.class })
	static class App {

	}

}
