package io.github.cognitosso.autoconfigure.reactive.resource;

import java.util.List;

import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoJwtAuthenticationConverter;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurity;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which beans the starter contributes to a WebFlux application under which settings, and
 * that the application's own beans win.
 */
class CognitoReactiveResourceServerAutoConfigurationTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withUserConfiguration(AutoConfiguredApi.class)
		.withPropertyValues("cognito.user-pool-id=" + TestTokens.POOL_ID, "cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.jwk-set-uri=" + jwks.jwkSetUri(),
				// A loaded build machine: the first key fetch may take longer than 2 s.
				"cognito.resource-server.jwks.read-timeout=10s");

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	private static WebTestClient client(AssertableReactiveWebApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context.getSourceApplicationContext()).build();
	}

	private static String validToken() {
		return "Bearer " + TestTokens.sign(TestTokens.userAccessToken());
	}

	@Test
	void webFluxApplicationGetsTheCognitoDecoderAndChainInsteadOfBootsBasicAuthentication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class)
				.getBean(ReactiveJwtDecoder.class)
				.isInstanceOf(CognitoReactiveJwtDecoder.class);
			assertThat(context).hasBean("cognitoSecurityWebFilterChain")
				.doesNotHaveBean(ReactiveUserDetailsService.class)
				.doesNotHaveBean(JwtDecoder.class);
			client(context).get()
				.uri("/hello")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals("WWW-Authenticate", "Bearer");
			client(context).get()
				.uri("/hello")
				.header("Authorization", validToken())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("hello alice");
		});
	}

	@Test
	void servletApplicationGetsNoReactiveBeans() {
		new WebApplicationContextRunner().withUserConfiguration(AutoConfiguredApi.class)
			.withPropertyValues("cognito.user-pool-id=" + TestTokens.POOL_ID,
					"cognito.client-id=" + TestTokens.CLIENT_ID)
			.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class)
				.doesNotHaveBean(ReactiveJwtDecoder.class)
				.doesNotHaveBean(CognitoServerHttpSecurity.class)
				.doesNotHaveBean(SecurityWebFilterChain.class));
	}

	@Test
	void withoutACognitoPoolTheStarterStaysAway() {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(AutoConfiguredApi.class)
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoReactiveJwtDecoder.class)
				.doesNotHaveBean("cognitoSecurityWebFilterChain"));
	}

	@Test
	void switchingTheResourceServerOffLeavesNoCognitoChain() {
		this.runner.withPropertyValues("cognito.resource-server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveJwtDecoder.class)
				.doesNotHaveBean(CognitoReactiveResourceServerCustomizer.class)
				.doesNotHaveBean("cognitoSecurityWebFilterChain"));
	}

	@Test
	void applicationsOwnReactiveDecoderWinsAndTheChainUsesIt() {
		this.runner.withUserConfiguration(OwnDecoder.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasBean("ownDecoder");
			client(context).get()
				.uri("/hello")
				.header("Authorization", validToken())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueMatches("WWW-Authenticate", ".*error_description=\"Refused by the application's decoder\".*");
		});
	}

	@Test
	void applicationsOwnConverterWins() {
		this.runner.withUserConfiguration(OwnConverter.class).run((context) -> {
			assertThat(context).hasSingleBean(CognitoJwtAuthenticationConverter.class).hasBean("ownConverter");
			client(context).get()
				.uri("/hello")
				.header("Authorization", validToken())
				.exchange()
				.expectBody(String.class)
				.isEqualTo("hello f4a8c4e8-1d2b-4c3a-9e5f-0a1b2c3d4e5f");
		});
	}

	@Test
	void applicationsOwnTokenValidatorRunsAfterTheCognitoChecks() {
		this.runner.withUserConfiguration(OwnValidator.class)
			.run((context) -> client(context).get()
				.uri("/hello")
				.header("Authorization", validToken())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueMatches("WWW-Authenticate", ".*error_description=\"Tenant missing\".*"));
	}

	@Test
	void applicationsOwnChainReplacesTheDefaultOneAndGetsTheCognitoSetUpFromTheBean() {
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).doesNotHaveBean("cognitoSecurityWebFilterChain").hasBean("ownChain");
			client(context).get().uri("/public").exchange().expectStatus().isOk();
			client(context).get().uri("/hello").exchange().expectStatus().isUnauthorized();
			client(context).get().uri("/hello").header("Authorization", validToken()).exchange().expectStatus().isOk();
		});
	}

	@Test
	void applicationsOwnCustomizerIsAppliedToTheDefaultChain() {
		this.runner.withUserConfiguration(OwnCustomizer.class)
			.run((context) -> client(context).get()
				.uri("/hello")
				.header("Authorization", validToken())
				.exchange()
				.expectHeader()
				.valueEquals("X-Cognito-Customized", "yes"));
	}

	@Test
	void applicationThatEnablesReactiveMethodSecurityItselfStillStarts() {
		this.runner.withUserConfiguration(OwnMethodSecurity.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ReactiveJwtDecoder.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class AutoConfiguredApi {

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		Mono<String> hello(Authentication authentication) {
			return Mono.just("hello " + authentication.getName());
		}

		@GetMapping("/public")
		Mono<String> publicPage() {
			return Mono.just("public");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		@Bean
		ReactiveJwtDecoder ownDecoder() {
			return (token) -> Mono.error(new BadJwtException("Refused by the application's decoder"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConverter {

		@Bean
		CognitoJwtAuthenticationConverter ownConverter() {
			return new CognitoJwtAuthenticationConverter(
					new CognitoAuthoritiesMapper(new CognitoProperties().getAuthorities()), List.of("sub"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnValidator {

		@Bean
		OAuth2TokenValidator<Jwt> tenantValidator() {
			return (jwt) -> jwt.hasClaim("custom:tenant") ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Tenant missing", null));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityWebFilterChain ownChain(ServerHttpSecurity http, CognitoServerHttpSecurity cognito) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/public").permitAll().anyExchange().authenticated());
			cognito.customize(http);
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCustomizer {

		@Bean
		CognitoServerHttpSecurityCustomizer headerCustomizer() {
			return (http) -> http.headers((headers) -> headers.writer((exchange) -> Mono
				.fromRunnable(() -> exchange.getResponse().getHeaders().set("X-Cognito-Customized", "yes"))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMethodSecurity
	static class OwnMethodSecurity {

	}

}
