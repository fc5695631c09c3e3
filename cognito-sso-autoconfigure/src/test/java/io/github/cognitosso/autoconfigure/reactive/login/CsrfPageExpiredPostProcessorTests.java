package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which CSRF answer a built WebFlux chain gives a form post without a valid token: the
 * "Page expired" page on a sign-in chain with CSRF on, and no CSRF check at all where the
 * application switched it off.
 */
class CsrfPageExpiredPostProcessorTests {

	private final CsrfPageExpiredPostProcessor postProcessor = new CsrfPageExpiredPostProcessor();

	@Test
	void signInChainWithCsrfOnAnswersAStaleTokenWithThePageExpiredPage() {
		SecurityWebFilterChain chain = process(signInChain().build());

		MockServerWebExchange exchange = formPostWithStaleToken();
		csrfFilter(chain).filter(exchange, (ignored) -> Mono.empty()).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("<h1>Page expired</h1>");
	}

	@Test
	void apiStylePostWithAStaleTokenGetsABare403() {
		SecurityWebFilterChain chain = process(signInChain().build());

		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/orders")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", "stale"));
		csrfFilter(chain).filter(exchange, (ignored) -> Mono.empty()).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isNull();
	}

	@Test
	void chainThatSwitchedCsrfOffStaysWithoutIt() {
		SecurityWebFilterChain chain = process(signInChain().csrf(ServerHttpSecurity.CsrfSpec::disable).build());

		assertThat(filters(chain)).noneMatch(CsrfWebFilter.class::isInstance);
	}

	private SecurityWebFilterChain process(SecurityWebFilterChain chain) {
		return (SecurityWebFilterChain) this.postProcessor.postProcessAfterInitialization(chain, "chain");
	}

	private static ServerHttpSecurity signInChain() {
		ClientRegistration registration = ClientRegistration.withRegistrationId("cognito")
			.clientId("client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://example.auth.eu-west-1.amazoncognito.com/oauth2/authorize")
			.tokenUri("https://example.auth.eu-west-1.amazoncognito.com/oauth2/token")
			.build();
		ServerHttpSecurity http = ServerHttpSecurity.http();
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.oauth2Login((login) -> login
				.clientRegistrationRepository(new InMemoryReactiveClientRegistrationRepository(registration))
				.authenticationManager((authentication) -> Mono.empty()));
		return http;
	}

	private static MockServerWebExchange formPostWithStaleToken() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/logout")
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body("_csrf=stale"));
	}

	private static List<WebFilter> filters(SecurityWebFilterChain chain) {
		return chain.getWebFilters().collectList().block();
	}

	private static CsrfWebFilter csrfFilter(SecurityWebFilterChain chain) {
		return filters(chain).stream()
			.filter(CsrfWebFilter.class::isInstance)
			.map(CsrfWebFilter.class::cast)
			.findFirst()
			.orElseThrow();
	}

}
