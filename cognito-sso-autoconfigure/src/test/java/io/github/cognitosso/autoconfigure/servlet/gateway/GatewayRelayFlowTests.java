package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway configured by properties only, in front of an upstream that is no Spring
 * application, against the Cognito simulator, over real HTTP: what the upstream receives
 * and what never reaches it.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, GatewayRelayFlowTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cognito.gateway.assertion.enabled=true", "cognito.gateway.public-paths=/assets/**" })
class GatewayRelayFlowTests {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "gateway-client";

	static final String CLIENT_SECRET = "gateway-secret";

	static final EchoUpstream upstream = new EchoUpstream();

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final GatewayBrowser browser = new GatewayBrowser();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("cognito.gateway.upstream-uri", upstream::uri);
		// A route list binds from one property source: every entry is given here.
		String routes = "spring.cloud.gateway.server.webmvc.routes";
		registry.add(routes + "[0].id", () -> "admin");
		registry.add(routes + "[0].uri", upstream::uri);
		registry.add(routes + "[0].predicates[0]", () -> "Path=/admin/**");
		registry.add(routes + "[0].filters[0]", () -> "CognitoGroups=admin,ops");
		registry.add(routes + "[0].filters[1]", () -> "CognitoRelay");
		registry.add(routes + "[1].id", () -> "reports");
		registry.add(routes + "[1].uri", upstream::uri);
		registry.add(routes + "[1].predicates[0]", () -> "Path=/reports/**");
		registry.add(routes + "[1].filters[0]", () -> "CognitoScopes=reports/read");
		registry.add(routes + "[1].filters[1]", () -> "CognitoRelay");
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@BeforeEach
	void registerTheGatewayAndTheUsers() {
		// Back to the wall clock after a test moved it past the tokens' lifetime.
		clock.advance(Duration.between(clock.instant(), Instant.now()));
		cognito.simulator()
			.addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET,
					List.of(gateway("/login/oauth2/code/cognito")), List.of(gateway("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		cognito.simulator().addUser(SimulatedUser.of("bob", "bob-password"));
		cognito.simulator().wireMock().resetRequests();
		upstream.clear();
	}

	@Test
	void upstreamReceivesTheAccessTokenAndIdentityHeadersOfTheSignedInUser() {
		HttpResponse<String> page = signIn("alice", "/hello");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo(EchoUpstream.BODY + " /hello");
		EchoUpstream.Received received = upstream.last();
		assertThat(received.header("X-Cognito-Username")).isEqualTo("alice");
		assertThat(received.header("X-Cognito-Sub")).isEqualTo(cognito.simulator().user("alice").sub());
		assertThat(received.header("X-Cognito-Email")).isEqualTo(cognito.simulator().user("alice").email());
		assertThat(received.header("X-Cognito-Groups")).isEqualTo("admin");
		JWTClaimsSet accessToken = claims(bearer(received));
		assertThat(accessToken.getClaim("token_use")).isEqualTo("access");
		assertThat(accessToken.getClaim("username")).isEqualTo("alice");
	}

	@Test
	void sessionCookieRefreshTokenAndIdTokenNeverReachTheUpstream() throws Exception {
		signIn("alice", "/hello");
		Map<String, String> tokens = lastTokenResponse();

		this.browser.navigate(gateway("/again"), "Cookie", "theme=dark");

		EchoUpstream.Received received = upstream.last();
		assertThat(received.path()).isEqualTo("/again");
		assertThat(received.everything()).doesNotContain(this.browser.sessionCookie())
			.doesNotContain("JSESSIONID")
			.doesNotContain(tokens.get("refresh_token"))
			.doesNotContain(tokens.get("id_token"));
		assertThat(received.header("Cookie")).contains("theme=dark");
		assertThat(bearer(received)).isEqualTo(tokens.get("access_token"));
	}

	@Test
	void identityHeadersAClientSendsAreReplacedByTheGatewaysOwn() {
		signIn("bob", "/hello");

		this.browser.navigate(gateway("/hello"), "X-Cognito-Username", "alice", "x-cognito-groups", "admin",
				"X-Cognito-Jwt-Assertion", "forged");

		EchoUpstream.Received received = upstream.last();
		assertThat(received.headers().get("X-Cognito-Username")).containsExactly("bob");
		assertThat(received.headers().get("X-Cognito-Groups")).containsExactly("");
		assertThat(received.header("X-Cognito-Jwt-Assertion")).isNotEqualTo("forged");
	}

	@Test
	void signedAssertionOfTheUserVerifiesAgainstTheGatewaysKeySet() {
		signIn("alice", "/hello");

		String assertion = upstream.last().header("X-Cognito-Jwt-Assertion");
		Jwt verified = NimbusJwtDecoder.withJwkSetUri(gateway("/.well-known/cognito-gateway/jwks.json"))
			.build()
			.decode(assertion);

		assertThat(verified.getClaimAsString("username")).isEqualTo("alice");
		assertThat(verified.getSubject()).isEqualTo(cognito.simulator().user("alice").sub());
		assertThat(verified.getClaimAsStringList("groups")).containsExactly("admin");
		assertThat(verified.getAudience()).containsExactly("localhost");
		assertThat(Duration.between(verified.getIssuedAt(), verified.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void expiredAccessTokenIsRefreshedBeforeItIsRelayed() throws Exception {
		signIn("alice", "/hello");
		String first = bearer(upstream.last());
		clock.advance(Duration.ofMinutes(61));

		HttpResponse<String> page = this.browser.navigate(gateway("/later"));

		assertThat(page.statusCode()).isEqualTo(200);
		String relayed = bearer(upstream.last());
		assertThat(relayed).isNotEqualTo(first);
		assertThat(claims(relayed).getExpirationTime().toInstant()).isAfter(clock.instant());
		assertThat(cognito.simulator()
			.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("grant_type=refresh_token"))
			.count()).isEqualTo(1);
	}

	@Test
	void refreshCognitoRefusesSendsTheBrowserToSignInAgain() {
		signIn("alice", "/hello");
		cognito.simulator().globalSignOut("alice");
		clock.advance(Duration.ofMinutes(61));
		upstream.clear();

		HttpResponse<String> page = this.browser.navigate(gateway("/later"));

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(GatewayBrowser.location(page).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void userOutsideTheRoutesGroupsGetsThe403PageAndTheUpstreamNothing() {
		signIn("bob", "/hello");
		upstream.clear();

		HttpResponse<String> admin = this.browser.navigate(gateway("/admin/users"));

		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("Access denied").doesNotContain(EchoUpstream.BODY);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void apiCallerOutsideTheRoutesGroupsGetsAJson403FromTheGateway() {
		signIn("bob", "/hello");
		upstream.clear();

		HttpResponse<String> admin = this.browser.get(gateway("/admin/users"), "Accept", "application/json");

		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat((Integer) JsonPath.read(admin.body(), "$.status")).isEqualTo(403);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void userInOneOfTheRoutesGroupsReachesTheUpstream() {
		HttpResponse<String> admin = signIn("alice", "/admin/users");

		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(upstream.last().path()).isEqualTo("/admin/users");
	}

	@Test
	void validBearerTokenIsPassedThroughToTheUpstream() {
		SimulatedUser alice = cognito.simulator().user("alice");
		String token = cognito.simulator().tokens().accessToken(alice, CLIENT_ID, "openid", "reports/read");

		HttpResponse<String> report = this.browser.get(gateway("/reports/q1"), "Authorization", "Bearer " + token,
				"Accept", "application/json");

		assertThat(report.statusCode()).isEqualTo(200);
		EchoUpstream.Received received = upstream.last();
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(received.header("X-Cognito-Username")).isEqualTo("alice");
	}

	@Test
	void bearerTokenWithoutTheRoutesScopeIsRefusedAtTheGateway() {
		SimulatedUser alice = cognito.simulator().user("alice");
		String token = cognito.simulator().tokens().accessToken(alice, CLIENT_ID, "openid");

		HttpResponse<String> report = this.browser.get(gateway("/reports/q1"), "Authorization", "Bearer " + token,
				"Accept", "application/json");

		assertThat(report.statusCode()).isEqualTo(403);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void badBearerTokenGets401AtTheGatewayAndTheUpstreamNeverSeesIt() {
		HttpResponse<String> call = this.browser.get(gateway("/hello"), "Authorization", "Bearer not-a-token", "Accept",
				"application/json");

		assertThat(call.statusCode()).isEqualTo(401);
		assertThat(call.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(call.body()).doesNotContain(EchoUpstream.BODY);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void errorDispatchIsAnsweredByTheGatewayNotProxied() {
		HttpResponse<String> error = this.browser.get(gateway("/error"), "Accept", "application/json");
		HttpResponse<String> anonymousApiCall = this.browser.get(gateway("/hello"), "Accept", "application/json");

		assertThat(error.body()).doesNotContain(EchoUpstream.BODY);
		assertThat(anonymousApiCall.statusCode()).isEqualTo(401);
		assertThat(anonymousApiCall.body()).doesNotContain(EchoUpstream.BODY);
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void anonymousBrowserIsSentToSignInBeforeAnythingIsProxied() {
		HttpResponse<String> page = this.browser.navigate(gateway("/hello"));

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(GatewayBrowser.location(page).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(upstream.received()).isEmpty();
	}

	@Test
	void usernameOutsideAsciiReachesTheUpstreamPercentEncoded() {
		cognito.simulator().addUser(SimulatedUser.of("zoë", "zoë-password"));

		HttpResponse<String> page = signIn("zoë", "/hello");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(upstream.last().header("X-Cognito-Username")).isEqualTo("zo%C3%AB");
	}

	@Test
	void formPostOfASignedInUserReachesTheUpstreamWithItsBody() {
		signIn("alice", "/hello");

		HttpResponse<String> posted = this.browser.post(gateway("/orders"), Map.of("item", "book"));

		assertThat(posted.statusCode()).isEqualTo(200);
		EchoUpstream.Received received = upstream.last();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.body()).isEqualTo("item=book");
		assertThat(received.header("X-Cognito-Username")).isEqualTo("alice");
	}

	@Test
	void logoutWithoutTheGatewaysCsrfTokenIsRefused() {
		signIn("alice", "/hello");

		HttpResponse<String> logout = this.browser.post(gateway("/logout"), Map.of());

		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(this.browser.navigate(gateway("/hello")).statusCode()).isEqualTo(200);
	}

	@Test
	void publicPathReachesTheUpstreamWithoutSignInAndWithoutTheClientsIdentityHeaders() {
		HttpResponse<String> asset = this.browser.navigate(gateway("/assets/site.css"), "X-Cognito-Username", "alice",
				"X-Cognito-Groups", "admin");

		assertThat(asset.statusCode()).isEqualTo(200);
		EchoUpstream.Received received = upstream.last();
		assertThat(received.path()).isEqualTo("/assets/site.css");
		assertThat(received.header("X-Cognito-Username")).isNull();
		assertThat(received.header("X-Cognito-Groups")).isNull();
		assertThat(received.header("Authorization")).isNull();
	}

	private HttpResponse<String> signIn(String username, String path) {
		return this.browser.signIn(gateway(path), cognito.simulator().baseUrl(), username, username + "-password");
	}

	/** The tokens of the simulator's last token response. */
	private Map<String, String> lastTokenResponse() {
		String body = cognito.simulator()
			.wireMock()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith("/oauth2/token"))
			.findFirst()
			.orElseThrow()
			.getResponse()
			.getBodyAsString();
		return Map.of("access_token", JsonPath.read(body, "$.access_token"), "refresh_token",
				JsonPath.read(body, "$.refresh_token"), "id_token", JsonPath.read(body, "$.id_token"));
	}

	private static String bearer(EchoUpstream.Received received) {
		String authorization = received.header("Authorization");
		assertThat(authorization).as("Authorization at the upstream").startsWith("Bearer ");
		return authorization.substring("Bearer ".length());
	}

	private static JWTClaimsSet claims(String jwt) {
		try {
			return SignedJWT.parse(jwt).getJWTClaimsSet();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The gateway reads the simulator's clock, so both agree on when tokens expire. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		Clock clock() {
			return clock;
		}

	}

}
