package io.github.cognitosso.autoconfigure.servlet.resource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoEndpoints;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.core.CognitoJwtAuthenticationConverter;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.CognitoPool;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which beans the starter contributes under which settings, and that the application's
 * own beans win.
 */
class CognitoResourceServerAutoConfigurationTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(AutoConfiguredApi.class)
		.withPropertyValues("cognito.user-pool-id=" + TestTokens.POOL_ID, "cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.jwk-set-uri=" + jwks.jwkSetUri());

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	private static MockMvc mockMvc(AssertableWebApplicationContext context) {
		WebApplicationContext web = (WebApplicationContext) context.getSourceApplicationContext();
		return MockMvcBuilders.webAppContextSetup(web)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	private static String validToken() {
		return "Bearer " + TestTokens.sign(TestTokens.userAccessToken());
	}

	@Test
	void refetchCooldownOfZeroThatWouldLetForgedKidsHammerCognitoStopsTheStartUp() {
		this.runner.withPropertyValues("cognito.resource-server.jwks.refetch-cooldown=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(CognitoConfigurationException.class, (ex) -> assertThat(ex.getProperty())
					.isEqualTo("cognito.resource-server.jwks.refetch-cooldown"));
			FailureAnalysis report = startupReport(context.getStartupFailure());
			assertThat(report.getDescription()).contains("cognito.resource-server.jwks.refetch-cooldown")
				.contains("PT0S")
				.contains("at least 1s");
			assertThat(report.getAction()).contains("30s");
		});
		this.runner.withPropertyValues("cognito.resource-server.jwks.refetch-cooldown=999ms")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("cognito.resource-server.jwks.refetch-cooldown=1s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/**
	 * The report Spring Boot prints: the failure analyzers of
	 * {@code META-INF/spring.factories}, first one wins.
	 */
	private static FailureAnalysis startupReport(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(CognitoResourceServerAutoConfigurationTests.class.getClassLoader())
			.load(FailureAnalyzer.class, ArgumentResolver.none(), FailureHandler.handleMessage((message, ex) -> {
			}));
		AnnotationAwareOrderComparator.sort(analyzers);
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No failure analyzer reports " + failure));
	}

	@Test
	void startsWithTheCognitoDecoderAndDefaultChainWithoutFetchingKeys() {
		jwks.resetCount();
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CognitoJwtDecoder.class);
			assertThat(context).hasSingleBean(CognitoJwtAuthenticationConverter.class);
			assertThat(context).hasBean("cognitoSecurityFilterChain");
			assertThat(context.getBean(CognitoResourceServerHttpSecurityCustomizer.class).isStateless()).isTrue();
			assertThat(jwks.fetches()).isZero();
			mockMvc(context).perform(get("/api/hello").header("Authorization", validToken()))
				.andExpect(status().isOk())
				.andExpect(content().string("hello alice"));
		});
	}

	@Test
	void springBootsOwnDecoderBacksOff() {
		this.runner
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json")
			.run((context) -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CognitoJwtDecoder.class));
	}

	@Test
	void applicationJwtDecoderReplacesTheStarters() {
		this.runner.withUserConfiguration(ApplicationDecoder.class).run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(JwtDecoder.class)).isNotInstanceOf(CognitoJwtDecoder.class);
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/api/hello").header("Authorization", "Bearer letmein"))
				.andExpect(status().isOk())
				.andExpect(content().string("hello bob"));
			mvc.perform(get("/api/hello").header("Authorization", validToken())).andExpect(status().isUnauthorized());
		});
	}

	@Test
	void applicationSecurityFilterChainReplacesTheDefaultChainAndCanApplyTheCognitoSetUp() {
		this.runner.withUserConfiguration(ApplicationChainWithCognito.class).run((context) -> {
			assertThat(context).doesNotHaveBean("cognitoSecurityFilterChain");
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/public")).andExpect(status().isOk());
			mvc.perform(get("/api/hello"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
			mvc.perform(get("/api/hello").header("Authorization", validToken())).andExpect(status().isOk());
		});
	}

	@Test
	void applicationSecurityFilterChainWithoutTheCognitoSetUpIsLeftAlone() {
		this.runner.withUserConfiguration(ApplicationChainWithBasic.class).run((context) -> {
			assertThat(context).doesNotHaveBean("cognitoSecurityFilterChain");
			mockMvc(context).perform(get("/api/hello").header("Authorization", validToken()))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", startsWith("Basic")));
		});
	}

	@Test
	void resourceServerCanBeSwitchedOff() {
		this.runner.withPropertyValues("cognito.resource-server.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CognitoJwtDecoder.class);
			assertThat(context).doesNotHaveBean(CognitoResourceServerHttpSecurityCustomizer.class);
		});
	}

	@Test
	void backsOffWithoutAUserPool() {
		new WebApplicationContextRunner().withUserConfiguration(AutoConfiguredApi.class)
			.run((context) -> assertThat(context).doesNotHaveBean(CognitoJwtDecoder.class)
				.doesNotHaveBean(CognitoResourceServerHttpSecurityCustomizer.class));
	}

	@Test
	void withBrowserLoginTheChainKeepsItsSession() {
		this.runner.withPropertyValues("cognito.domain=my-app").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CognitoResourceServerHttpSecurityCustomizer.class).isStateless()).isFalse();
		});
	}

	@Test
	void applicationJwtDecoderStillHasTheResourceServerSettingsChecked() {
		this.runner.withUserConfiguration(ApplicationDecoder.class)
			.withPropertyValues("cognito.resource-server.max-token-size=0B")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(CognitoConfigurationException.class,
							(ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.resource-server.max-token-size"));
				FailureAnalysis report = startupReport(context.getStartupFailure());
				assertThat(report.getDescription()).contains("cognito.resource-server.max-token-size")
					.contains("the limit must be positive");
			});
	}

	@Test
	void applicationJwtDecoderAndKeySourceStillHaveTheKeySettingsChecked() {
		this.runner.withUserConfiguration(ApplicationDecoder.class, ApplicationKeySource.class)
			.withPropertyValues("cognito.resource-server.jwks.refetch-cooldown=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(CognitoConfigurationException.class, (ex) -> assertThat(ex.getProperty())
						.isEqualTo("cognito.resource-server.jwks.refetch-cooldown"));
			});
	}

	@Test
	void startUpFailsWhenNoAppClientIsAccepted() {
		this.runner.withPropertyValues("cognito.client-id=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(CognitoConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.resource-server.accepted-client-ids"));
		});
	}

	@Test
	void acceptedClientIdsAloneAreEnough() {
		this.runner
			.withPropertyValues("cognito.client-id=",
					"cognito.resource-server.accepted-client-ids=" + TestTokens.MACHINE_CLIENT_ID)
			.run((context) -> mockMvc(context)
				.perform(get("/api/hello").header("Authorization",
						"Bearer " + TestTokens.sign(TestTokens.machineAccessToken())))
				.andExpect(status().isOk())
				.andExpect(content().string("hello client:" + TestTokens.MACHINE_CLIENT_ID)));
	}

	@Test
	void thePoolBeanHoldsTheAppClientsTheDecoderAccepts() {
		this.runner.withPropertyValues("cognito.resource-server.accepted-client-ids=" + TestTokens.MACHINE_CLIENT_ID)
			.run((context) -> assertThat(context.getBean(CognitoPool.class).acceptedClientIds())
				.containsExactly(TestTokens.CLIENT_ID, TestTokens.MACHINE_CLIENT_ID));
	}

	@Test
	void applicationPoolBeanDecidesWhichTokensTheDecoderAccepts() {
		this.runner.withUserConfiguration(ApplicationPool.class).run((context) -> {
			MockMvc mvc = mockMvc(context);
			mvc.perform(get("/api/hello").header("Authorization", validToken())).andExpect(status().isUnauthorized());
			mvc.perform(get("/api/hello").header("Authorization",
					"Bearer " + TestTokens.sign(TestTokens.machineAccessToken())))
				.andExpect(status().isOk());
		});
	}

	@Test
	void methodSecurityIsOnByDefault() {
		this.runner.run((context) -> assertThat(context)
			.hasSingleBean(CognitoResourceServerAutoConfiguration.MethodSecurityConfiguration.class)
			.hasBean("preAuthorizeAuthorizationMethodInterceptor"));
	}

	@Test
	void applicationMethodSecurityIsLeftAsTheApplicationConfiguredIt() {
		this.runner.withUserConfiguration(ApplicationMethodSecurity.class)
			.run((context) -> assertThat(context)
				.doesNotHaveBean(CognitoResourceServerAutoConfiguration.MethodSecurityConfiguration.class)
				.hasBean("jsr250AuthorizationMethodInterceptor"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HelloController.class)
	static class AutoConfiguredApi {

	}

	@RestController
	static class HelloController {

		@GetMapping("/api/hello")
		String hello(Authentication authentication) {
			return "hello " + authentication.getName();
		}

		@GetMapping("/public")
		String open() {
			return "public";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationDecoder {

		@Bean
		JwtDecoder applicationJwtDecoder() {
			return (token) -> {
				if (!"letmein".equals(token)) {
					throw new BadJwtException("not the magic word");
				}
				return Jwt.withTokenValue(token)
					.header("alg", "none")
					.claims((claims) -> claims.putAll(Map.of("sub", "bob", "username", "bob")))
					.issuedAt(Instant.now())
					.build();
			};
		}

	}

	/** A pool that accepts the machine client only, not {@code cognito.client-id}. */
	@Configuration(proxyBeanMethods = false)
	static class ApplicationPool {

		@Bean
		CognitoPool applicationPool(CognitoEndpoints endpoints, CognitoJwkSource keys) {
			return new CognitoPool(endpoints, Set.of(TestTokens.MACHINE_CLIENT_ID), false, endpoints.acceptedIssuers(),
					keys);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationKeySource {

		@Bean
		CognitoJwkSource applicationJwkSource() {
			return new CognitoJwkSource(URI.create(jwks.jwkSetUri()), Duration.ofMinutes(5), Duration.ofSeconds(30),
					Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationChainWithCognito {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/public").permitAll().anyRequest().authenticated());
			http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationChainWithBasic {

		@Bean
		SecurityFilterChain basic(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity(jsr250Enabled = true)
	static class ApplicationMethodSecurity {

	}

}
