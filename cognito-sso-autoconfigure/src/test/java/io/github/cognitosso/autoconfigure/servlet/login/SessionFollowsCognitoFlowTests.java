package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session against the Cognito simulator while the user changes in Cognito: the
 * session follows the user once the tokens expire. The application and the simulator
 * share one clock, which the tests move past the tokens' one-hour lifetime.
 */
@SpringBootTest(classes = { LoginTestApplication.class, SessionFollowsCognitoFlowTests.SharedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cognito.resource-server.enabled=false", "cognito.login.session-max-lifetime=12h" })
class SessionFollowsCognitoFlowTests {

	static final MutableClock clock = new MutableClock();

	static final String CLIENT_ID = "session-client";

	static final String CLIENT_SECRET = "session-secret";

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(
			CognitoSimulator.builder().clock(clock));

	@LocalServerPort
	int port;

	final Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		cognito.simulator().addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET, List.of(), List.of()));
		cognito.simulator().properties(CLIENT_ID).forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeEach
	void registerTheAppAndAlice() {
		cognito.simulator()
			.addClient(SimulatedClient.confidential(CLIENT_ID, CLIENT_SECRET,
					List.of(app("/login/oauth2/code/cognito")), List.of(app("/"))));
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "admin"));
		cognito.simulator().wireMock().resetRequests();
	}

	@Test
	void userRemovedFromTheGroupAndSignedOutEverywhereLosesTheSessionOnceTheTokensExpire() {
		signInAsAlice("/admin");
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password"));
		cognito.simulator().globalSignOut("alice");
		clock.advance(Duration.ofMinutes(61));

		HttpResponse<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.statusCode()).isEqualTo(302);
		assertThat(Browser.location(admin).getPath()).isEqualTo("/oauth2/authorization/cognito");
		assertThat(this.browser.get(app("/me"), Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
	}

	@Test
	void apiCallOfASessionCognitoNoLongerRefreshesGets401() {
		signInAsAlice("/me");
		cognito.simulator().globalSignOut("alice");
		clock.advance(Duration.ofMinutes(61));

		HttpResponse<String> admin = this.browser.get(app("/admin"), Map.of("Accept", "application/json"));

		assertThat(admin.statusCode()).isEqualTo(401);
		assertThat(this.browser.navigate(app("/me")).statusCode()).isEqualTo(302);
	}

	@Test
	void groupRemovedInCognitoIsTakenAwayAtTheRefreshAfterExpiry() {
		signInAsAlice("/admin");
		cognito.simulator().addUser(SimulatedUser.of("alice", "alice-password", "staff"));
		clock.advance(Duration.ofMinutes(61));

		HttpResponse<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("Access denied");
		HttpResponse<String> me = this.browser.navigate(app("/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(me.body(), "$.authorities")).contains("ROLE_staff")
			.doesNotContain("ROLE_admin");
		assertThat(refreshRequests()).isEqualTo(1);
	}

	@Test
	void sessionOlderThanItsMaximumLifetimeMustSignInAgainWhateverTheRefreshToken() {
		signInAsAlice("/me");
		clock.advance(Duration.ofHours(11));
		assertThat(this.browser.navigate(app("/me")).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofHours(1));

		HttpResponse<String> me = this.browser.navigate(app("/me"));

		assertThat(me.statusCode()).isEqualTo(302);
		assertThat(Browser.location(me).getPath()).isEqualTo("/oauth2/authorization/cognito");
		// The abandoned refresh token is revoked, not left valid for its 30 days.
		assertThat(cognito.simulator().wireMock().findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))))
			.hasSize(1);
	}

	private long refreshRequests() {
		return cognito.simulator()
			.wireMock()
			.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))
			.stream()
			.filter((request) -> request.getBodyAsString().contains("grant_type=refresh_token"))
			.count();
	}

	/** Signs in through the simulator's hosted UI and lands on the page. */
	private void signInAsAlice(String path) {
		HttpResponse<String> page = this.browser.navigate(app(path));
		HttpResponse<String> start = this.browser.follow(page);
		HttpResponse<String> form = this.browser.follow(start);
		assertThat(form.statusCode()).as("hosted UI: %s", form.body()).isEqualTo(200);
		Map<String, String> fields = hiddenFields(form.body());
		fields.put("username", "alice");
		fields.put("password", "alice-password");
		HttpResponse<String> signedIn = this.browser.post(cognito.simulator().baseUrl() + "/login", fields);
		HttpResponse<String> callback = this.browser.follow(signedIn);
		assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(302);
		HttpResponse<String> landing = this.browser.follow(callback);
		assertThat(landing.statusCode()).isEqualTo(200);
	}

	private static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		return fields;
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The application reads the simulator's clock, so both agree on when tokens expire.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		Clock clock() {
			return clock;
		}

	}

}
