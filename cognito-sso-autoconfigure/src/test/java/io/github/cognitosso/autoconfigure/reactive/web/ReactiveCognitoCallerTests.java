package io.github.cognitosso.autoconfigure.reactive.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux controller that takes a {@link CognitoAuthentication} parameter, on a real
 * Netty port, behind an application's own chain that also signs users in with HTTP Basic
 * and leaves one path open: Cognito callers get through, everyone else a 401 that names
 * no user.
 */
@SpringBootTest(classes = ReactiveCognitoCallerTests.CallerApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cognito.user-pool-id=" + TestTokens.POOL_ID,
				"cognito.client-id=" + TestTokens.CLIENT_ID, "cognito.resource-server.jwks.read-timeout=10s" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveCognitoCallerTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("cognito.jwk-set-uri", jwks::jwkSetUri);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void bearerTokenCallerIsResolved() {
		HttpResponse<String> response = get("/caller", "Bearer " + TestTokens.sign(TestTokens.userAccessToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("alice in [admin, staff]");
	}

	@Test
	void callerSignedInWithHttpBasicGetsA401NamingTheTypeButNotTheUser(CapturedOutput output) {
		HttpResponse<String> response = get("/caller", "Basic " + Base64.getEncoder()
			.encodeToString("carol.secret@example.com:password".getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("carol");
		assertThat(output).contains("UsernamePasswordAuthenticationToken, not a CognitoAuthentication")
			.doesNotContain("carol.secret");
	}

	@Test
	void sameUserStillReachesAnEndpointThatTakesAnyAuthentication() {
		HttpResponse<String> response = get("/anyone", "Basic " + Base64.getEncoder()
			.encodeToString("carol.secret@example.com:password".getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void openPathWithoutSignInGetsA401InsteadOfANullCaller(CapturedOutput output) {
		HttpResponse<String> response = get("/open/caller", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(output).doesNotContain("NullPointerException");
	}

	private HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@TestComponent
	@EnableAutoConfiguration
	@Import(CallerApplication.CallerController.class)
	static class CallerApplication {

		@Bean
		SecurityWebFilterChain apiChain(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/open/**").permitAll().anyExchange().authenticated());
			http.httpBasic((basic) -> {
			});
			cognito.customize(http);
			return http.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("carol.secret@example.com").password("{noop}password").roles("user").build());
		}

		@RestController
		static class CallerController {

			@GetMapping({ "/caller", "/open/caller" })
			Mono<String> caller(CognitoAuthentication caller) {
				return Mono.just(caller.getName() + " in " + caller.getGroups());
			}

			@GetMapping("/anyone")
			Mono<String> anyone(org.springframework.security.core.Authentication authentication) {
				return Mono.just("signed in");
			}

		}

	}

}
