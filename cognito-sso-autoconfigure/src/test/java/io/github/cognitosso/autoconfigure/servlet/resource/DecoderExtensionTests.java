package io.github.cognitosso.autoconfigure.servlet.resource;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoderBuilderCustomizer;
import io.github.cognitosso.autoconfigure.core.JwksServer;
import io.github.cognitosso.autoconfigure.core.TestTokens;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Boot-style extension points of bearer-token validation:
 * {@code OAuth2TokenValidator<Jwt>} beans join the Cognito checks, a
 * {@link CognitoJwtDecoderBuilderCustomizer} bean shapes the Nimbus decoder, and the
 * auto-configured decoder keeps its validated-token cache with either.
 */
class DecoderExtensionTests {

	private static final JwksServer jwks = new JwksServer().publish(TestTokens.POOL_KEY);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(Api.class)
		.withPropertyValues("cognito.user-pool-id=" + TestTokens.POOL_ID, "cognito.client-id=" + TestTokens.CLIENT_ID,
				"cognito.jwk-set-uri=" + jwks.jwkSetUri());

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void anExtraValidatorBeanRefusesATokenWithItsDescriptionAndTheCacheStaysOn() {
		this.runner.withUserConfiguration(TenantCheck.class).run((context) -> {
			TenantValidator tenants = context.getBean(TenantValidator.class);
			MockMvc mvc = mockMvc(context);
			String withoutTenant = TestTokens.sign(TestTokens.userAccessToken());
			String withTenant = TestTokens
				.sign(TestTokens.userAccessToken((claims) -> claims.claim("custom:tenant", "acme")));

			mvc.perform(get("/api/hello").header("Authorization", "Bearer " + withoutTenant))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
				.andExpect(header().string("WWW-Authenticate",
						containsString("error_description=\"" + TenantValidator.MISSING + "\"")));
			mvc.perform(get("/api/hello").header("Authorization", "Bearer " + withTenant))
				.andExpect(status().isOk())
				.andExpect(content().string("hello alice"));
			mvc.perform(get("/api/hello").header("Authorization", "Bearer " + withTenant)).andExpect(status().isOk());

			assertThat(tenants.checkedTokens).containsExactlyInAnyOrder(withoutTenant, withTenant);
			assertThat(tenants.checks).hasValue(2);
		});
	}

	@Test
	void aTokenFailingACognitoCheckIsAnsweredWithTheCognitoCheckNotTheExtraOne() {
		this.runner.withUserConfiguration(TenantCheck.class).run((context) -> {
			String otherClient = TestTokens
				.sign(TestTokens.userAccessToken((claims) -> claims.claim("client_id", TestTokens.OTHER_CLIENT_ID)));

			mockMvc(context).perform(get("/api/hello").header("Authorization", "Bearer " + otherClient))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate",
						org.hamcrest.Matchers.not(containsString(TenantValidator.MISSING))));
		});
	}

	@Test
	void aDecoderBuilderCustomizerBeanIsAppliedAndTheCacheStillWrapsTheDecoder() {
		this.runner.withUserConfiguration(AccessTokenTypeOnly.class).run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThat(decoder).isInstanceOf(CognitoJwtDecoder.class)
				.extracting("delegate")
				.extracting((delegate) -> delegate.getClass().getSimpleName())
				.isEqualTo("ValidatedTokenCache");
			// Cognito's tokens say typ JWT: the customizer's type check refuses them, so
			// it was applied.
			mockMvc(context)
				.perform(get("/api/hello").header("Authorization",
						"Bearer " + TestTokens.sign(TestTokens.userAccessToken())))
				.andExpect(status().isUnauthorized());
		});
	}

	private static MockMvc mockMvc(AssertableWebApplicationContext context) {
		WebApplicationContext web = (WebApplicationContext) context.getSourceApplicationContext();
		return MockMvcBuilders.webAppContextSetup(web)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(CognitoResourceServerAutoConfigurationTests.HelloController.class)
	static class Api {

	}

	@Configuration(proxyBeanMethods = false)
	static class TenantCheck {

		@Bean
		TenantValidator tenantValidator() {
			return new TenantValidator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AccessTokenTypeOnly {

		@Bean
		CognitoJwtDecoderBuilderCustomizer accessTokenTypeOnly() {
			return (builder) -> builder.jwtProcessorCustomizer((processor) -> processor
				.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))));
		}

	}

	/** A check of the application's own, counting the tokens it sees. */
	static final class TenantValidator implements OAuth2TokenValidator<Jwt> {

		static final String MISSING = "The token names no tenant";

		final AtomicInteger checks = new AtomicInteger();

		final Set<String> checkedTokens = ConcurrentHashMap.newKeySet();

		@Override
		public OAuth2TokenValidatorResult validate(Jwt jwt) {
			this.checks.incrementAndGet();
			this.checkedTokens.add(jwt.getTokenValue());
			return jwt.hasClaim("custom:tenant") ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", MISSING, null));
		}

	}

}
