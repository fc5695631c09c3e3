package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitosso.autoconfigure.ConditionalOnCognito;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Cognito sign-in in front of upstream applications on Spring Cloud Gateway Server
 * WebMVC: the {@link CognitoGatewayFilterFunctions} for routes (properties and Java DSL),
 * the key set of the signed assertions, a sign-out page, the catch-all route of
 * {@code cognito.gateway.upstream-uri}, and a security chain in which every path needs
 * sign-in except {@code cognito.gateway.public-paths}. Without Spring Cloud Gateway on
 * the class path none of this exists.
 * <p>
 * Ordered before the starter's default chain (by name) so that the gateway's chain
 * replaces it; an application's own {@link SecurityFilterChain} replaces both. Ordered
 * after Spring Cloud Gateway's own auto-configuration, so that the catch-all route comes
 * after the routes of {@code spring.cloud.gateway.server.webmvc.routes} (routes of the
 * same order are tried in the order they were registered).
 */
@AutoConfiguration(
		afterName = { "io.github.cognitosso.autoconfigure.CognitoAutoConfiguration",
				"io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration",
				"io.github.cognitosso.autoconfigure.servlet.login.CognitoLoginAutoConfiguration",
				"org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration" },
		beforeName = "io.github.cognitosso.autoconfigure.servlet.web.CognitoWebSecurityAutoConfiguration")
@ConditionalOnCognito
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ GatewayRouterFunctions.class, SecurityFilterChain.class, HttpSecurity.class })
@ConditionalOnProperty(name = "cognito.gateway.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CognitoGatewayProperties.class)
public final class CognitoGatewayAutoConfiguration {

	/** Spring Session's default cookie name, never relayed whatever the container's. */
	private static final String SPRING_SESSION_COOKIE = "SESSION";

	@Bean
	CognitoGatewayRelay cognitoGatewayRelay(CognitoGatewayProperties properties,
			ObjectProvider<OAuth2AuthorizedClientManager> authorizedClientManager,
			ObjectProvider<GatewayAssertions> assertions, Environment environment) {
		List<String> sessionCookies = new ArrayList<>();
		sessionCookies.add(environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"));
		sessionCookies.add(SPRING_SESSION_COOKIE);
		return new CognitoGatewayRelay(properties, authorizedClientManager.getIfAvailable(),
				assertions.getIfAvailable(), sessionCookies);
	}

	@Bean
	@ConditionalOnProperty(name = "cognito.gateway.assertion.enabled", havingValue = "true")
	GatewayAssertions cognitoGatewayAssertions(CognitoGatewayProperties properties, ObjectProvider<Clock> clock,
			ResourceLoader resourceLoader) {
		CognitoGatewayProperties.Assertion assertion = properties.getAssertion();
		RSAKey key = StringUtils.hasText(assertion.getKeyLocation())
				? AssertionSigningKey.load(assertion.getKeyLocation(), resourceLoader) : AssertionSigningKey.generate();
		return new GatewayAssertions(key, assertion.getLifetime(),
				StringUtils.hasText(assertion.getAudience()) ? assertion.getAudience().trim() : null,
				clock.getIfUnique(Clock::systemUTC));
	}

	/** The Cognito filters by name in route properties. */
	@Bean
	static CognitoGatewayFilterFunctions.FilterSupplier cognitoGatewayFilterSupplier() {
		return new CognitoGatewayFilterFunctions.FilterSupplier();
	}

	/** The sign-out page and, with assertions on, their key set; before any route. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> cognitoGatewayEndpoints(CognitoGatewayProperties properties,
			ObjectProvider<GatewayAssertions> assertions) {
		return GatewayEndpoints.routes(properties, assertions.getIfAvailable());
	}

	/**
	 * Everything that is not the gateway's own to {@code cognito.gateway.upstream-uri},
	 * with the token and identity headers; after every other route.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@Conditional(OnUpstreamUriCondition.class)
	RouterFunction<ServerResponse> cognitoGatewayUpstreamRoute(CognitoGatewayProperties properties,
			Environment environment) {
		return UpstreamRoute.catchAll(properties.getUpstreamUri(), GatewayPaths.own(properties, environment));
	}

	/**
	 * The gateway's chain while the application defines none: sign-in for every path
	 * except the public ones, the error dispatch and the assertion key set; the CSRF
	 * check for the gateway's own paths only.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 10)
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain cognitoGatewaySecurityFilterChain(HttpSecurity http, CognitoGatewayProperties properties,
			Environment environment) {
		// The upstream's own forms cannot carry the gateway's CSRF token: proxied
		// requests
		// are the upstream's to protect (a SameSite=Lax session cookie is not sent with a
		// cross-site POST); the gateway's own paths (logout) keep the check.
		RequestMatcher own = new OrRequestMatcher(GatewayPaths.own(properties, environment)
			.stream()
			.map((path) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
			.toList());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(new NegatedRequestMatcher(own)));
		http.authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			if (properties.getAssertion().isEnabled()) {
				requests.requestMatchers(HttpMethod.GET, properties.getAssertion().getJwksPath()).permitAll();
			}
			if (!properties.getPublicPaths().isEmpty()) {
				requests.requestMatchers(properties.getPublicPaths().toArray(String[]::new)).permitAll();
			}
			requests.anyRequest().authenticated();
		});
		http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
		return http.build();
	}

}
