package io.github.cognitosso.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.CognitoSimulatorExtension;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's pages as a signed-in user sees them, after a real sign-in over HTTP
 * through the simulator's hosted UI. The simulator issues its tokens at {@link #ISSUED};
 * the app's clock reads two minutes later, in Berlin, so the one-hour tokens expire "in
 * 58 min" at a known local time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class SamplePagesTests {

	static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@RegisterExtension
	static final CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(CognitoSimulator.builder()
		.clock(Clock.fixed(ISSUED, ZONE))
		.user(SimulatedUser.of("alice", "alice-password", "admin"))
		.user(SimulatedUser.of("bob", "bob-password")));

	@LocalServerPort
	private int port;

	private final Browser browser = new Browser();

	@DynamicPropertySource
	static void cognitoProperties(DynamicPropertyRegistry registry) {
		cognito.simulator()
			.addClient(SimulatedClient.confidential("sample-client", "sample-secret", List.of(), List.of()));
		cognito.simulator().properties("sample-client").forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeEach
	void registerTheAppWithTheSimulator() {
		cognito.simulator()
			.addClient(SimulatedClient.confidential("sample-client", "sample-secret",
					List.of(app("/login/oauth2/code/cognito")), List.of(app("/"))));
	}

	@Test
	void profileShowsAlicesGroupsTheAuthoritiesTheyBecameAndBothTokensSideBySide() {
		Document me = signIn("alice", "alice-password");

		assertThat(me.getElementById("username").text()).isEqualTo("alice");
		assertThat(me.getElementById("email").text()).isEqualTo("alice@example.com");
		assertThat(me.getElementById("groups").text()).isEqualTo("admin");
		assertThat(me.getElementById("authorities").text().split(", ")).contains("ROLE_admin", "SCOPE_openid",
				"SCOPE_email", "SCOPE_profile");
		Map<String, String> idToken = claims(me, "claims");
		assertThat(idToken).containsEntry("token_use", "id")
			.containsEntry("aud", "sample-client")
			.containsEntry("cognito:username", "alice")
			.containsEntry("cognito:groups", "admin")
			.containsEntry("email", "alice@example.com");
		Map<String, String> accessToken = claims(me, "access-claims");
		assertThat(accessToken).containsEntry("token_use", "access")
			.containsEntry("client_id", "sample-client")
			.containsEntry("username", "alice")
			.containsEntry("cognito:groups", "admin")
			.containsEntry("scope", "openid email profile");
		assertThat(me.select(".tokens > section")).hasSize(2);
	}

	@Test
	void profileShowsWhenBothTokensExpireRelativeAndInLocalTime() {
		Document me = signIn("alice", "alice-password");

		String expiry = localTime(ISSUED.plus(Duration.ofHours(1)));
		assertThat(me.getElementById("id-token-expiry").text()).contains("expires in 58 min").contains(expiry);
		assertThat(me.getElementById("access-token-expiry").text()).contains("expires in 58 min").contains(expiry);
	}

	@Test
	void epochTimeClaimsAreShownAsReadableDatesToo() {
		Document me = signIn("alice", "alice-password");

		String issued = ISSUED.getEpochSecond() + " (" + localTime(ISSUED);
		String expires = ISSUED.plus(Duration.ofHours(1)).getEpochSecond() + " ("
				+ localTime(ISSUED.plus(Duration.ofHours(1)));
		for (String table : List.of("claims", "access-claims")) {
			Map<String, String> claims = claims(me, table);
			assertThat(claims.get("iat")).startsWith(issued);
			assertThat(claims.get("exp")).startsWith(expires);
			assertThat(claims.get("auth_time")).startsWith(issued);
		}
	}

	@Test
	void userWithoutGroupsSeesNoGroupsAndOnlyScopeAuthorities() {
		Document me = signIn("bob", "bob-password");

		assertThat(me.getElementById("username").text()).isEqualTo("bob");
		assertThat(me.getElementById("groups").text()).isEqualTo("none");
		assertThat(me.getElementById("authorities").text().split(", ")).contains("SCOPE_openid")
			.noneSatisfy((authority) -> assertThat(authority).startsWith("ROLE_"));
		assertThat(claims(me, "claims")).doesNotContainKey("cognito:groups").containsEntry("cognito:username", "bob");
		assertThat(claims(me, "access-claims")).doesNotContainKey("cognito:groups").containsEntry("username", "bob");
		assertThat(me.getElementById("access-token-expiry").text()).contains("expires in 58 min");
	}

	@Test
	void everyPageHasTheSignedInUserAndExactlyOneSignOutFormInTheHeader() {
		signIn("alice", "alice-password");

		for (String path : List.of("/", "/me", "/admin", "/m2m")) {
			Document page = this.browser.page(app(path));
			assertThat(page.select("header #signed-in-user").text()).as(path).isEqualTo("alice");
			assertThat(page.select("form#signout")).as(path).hasSize(1);
			assertThat(page.select("header form#signout[method=post][action=/logout] button#signout-button")).as(path)
				.hasSize(1);
			assertThat(page.select("form#signout input[type=hidden][name=_csrf]").attr("value")).as(path).isNotBlank();
			assertThat(page.getElementById("header-signin")).as(path).isNull();
			assertThat(page.select("link[rel=stylesheet]").attr("href")).as(path).isEqualTo("/css/sample.css");
		}
		assertThat(this.browser.page(app("/")).getElementById("greeting").text()).isEqualTo("Signed in as alice.");
		assertThat(this.browser.page(app("/admin")).getElementById("admin").text()).contains("alice");
	}

	@Test
	void headerSignOutFormSignsOutOfTheAppAndOfCognito() {
		Document me = signIn("alice", "alice-password");
		String csrf = me.select("form#signout input[name=_csrf]").attr("value");
		int cognitoSessions = cognito.simulator().activeSessions();

		HttpResponse<String> signedOut = this.browser
			.followRedirects(this.browser.post(app("/logout"), Map.of("_csrf", csrf)));

		assertThat(signedOut.uri()).hasToString(app("/"));
		Document page = Jsoup.parse(signedOut.body(), app("/"));
		assertThat(page.getElementById("greeting").text()).startsWith("You are not signed in.");
		assertThat(page.getElementById("signout")).isNull();
		assertThat(cognito.simulator().activeSessions()).isEqualTo(cognitoSessions - 1);
		// No silent sign-in: the hosted UI asks for credentials again.
		HttpResponse<String> again = this.browser.followRedirects(this.browser.get(app("/me")));
		assertThat(again.uri().toString()).startsWith(cognito.simulator().baseUrl() + "/oauth2/authorize");
		assertThat(Jsoup.parse(again.body()).getElementById("signin-button")).isNotNull();
	}

	@Test
	void anonymousVisitorGetsSignInLinksAndNoSignOutForm() {
		Document home = this.browser.page(app("/"));

		assertThat(home.getElementById("greeting").text()).startsWith("You are not signed in.");
		assertThat(home.getElementById("signin").attr("href")).isEqualTo("/me");
		assertThat(home.select("header #header-signin").attr("href")).isEqualTo("/me");
		assertThat(home.getElementById("signout")).isNull();
		assertThat(home.getElementById("signed-in-user")).isNull();
	}

	@Test
	void stylesheetIsServedByTheAppItselfWithoutSigningIn() {
		HttpResponse<String> css = this.browser.get(app("/css/sample.css"));

		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(css.body()).contains("header").doesNotContain("http://").doesNotContain("https://");
	}

	@Test
	void claimValuesAreEscaped() {
		cognito.simulator()
			.addUser(SimulatedUser.of("mallory", "mallory-password")
				.withAttribute("custom:nickname", "<script>alert(1)</script>"));

		Document me = signIn("mallory", "mallory-password");

		assertThat(claims(me, "claims")).containsEntry("custom:nickname", "<script>alert(1)</script>");
		assertThat(me.select("script")).isEmpty();
	}

	@Test
	void profileCalledWithOnlyABearerTokenAsksForABrowserSignIn() {
		String token = cognito.simulator()
			.tokens()
			.accessToken(cognito.simulator().user("alice"), "sample-client", "openid");

		HttpResponse<String> me = this.browser.send(HttpRequest.newBuilder(URI.create(app("/me")))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/html")
			.build());

		// The page shows a browser sign-in's tokens: a bearer token alone has none, so
		// Cognito's sign-in comes next.
		assertThat(me.statusCode()).isEqualTo(302);
		assertThat(me.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(cognito.simulator().baseUrl() + "/oauth2/authorize"));
	}

	/** Opens /me, signs in at the simulator's hosted UI, and lands back on /me. */
	private Document signIn(String username, String password) {
		HttpResponse<String> hostedUi = this.browser.followRedirects(this.browser.get(app("/me")));
		assertThat(hostedUi.uri().toString()).startsWith(cognito.simulator().baseUrl() + "/oauth2/authorize");
		HttpResponse<String> me = this.browser
			.followRedirects(this.browser.post(cognito.simulator().baseUrl() + "/login?" + hostedUi.uri().getRawQuery(),
					Map.of("username", username, "password", password)));
		assertThat(me.statusCode()).isEqualTo(200);
		// Spring Security marks the replayed saved request with ?continue.
		assertThat(me.uri().getPath()).isEqualTo("/me");
		return Jsoup.parse(me.body(), me.uri().toString());
	}

	/**
	 * @return a claims table's rows: claim name to the text of its value
	 */
	private static Map<String, String> claims(Document page, String tableId) {
		Element table = page.getElementById(tableId);
		assertThat(table).as(tableId).isNotNull();
		return table.select("tbody tr")
			.stream()
			.collect(Collectors.toMap((row) -> row.selectFirst("th").text(), (row) -> row.selectFirst("td").text()));
	}

	private static String localTime(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(ZonedDateTime.ofInstant(instant, ZONE));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TwoMinutesAfterSignIn {

		@Bean
		Clock clock() {
			return Clock.fixed(ISSUED.plus(Duration.ofMinutes(2)), ZONE);
		}

	}

	/**
	 * A browser as far as these pages are concerned: cookies, navigation headers,
	 * redirects one hop at a time.
	 */
	static final class Browser {

		private final HttpClient client;

		Browser() {
			CookieManager cookies = new CookieManager();
			cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
			this.client = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		Document page(String url) {
			HttpResponse<String> response = get(url);
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			return Jsoup.parse(response.body(), url);
		}

		HttpResponse<String> get(String url) {
			return send(navigation(url).GET().build());
		}

		HttpResponse<String> post(String url, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return send(navigation(url).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		/**
		 * Follows redirects as a browser does after a form post: each next hop is a GET.
		 */
		HttpResponse<String> followRedirects(HttpResponse<String> response) {
			HttpResponse<String> current = response;
			for (int hops = 0; current.statusCode() / 100 == 3; hops++) {
				assertThat(hops).as("redirects from " + response.uri()).isLessThan(10);
				URI from = current.uri();
				String location = current.headers()
					.firstValue("Location")
					.orElseThrow(() -> new AssertionError("a redirect without Location from " + from));
				current = get(from.resolve(location).toString());
			}
			return current;
		}

		private static HttpRequest.Builder navigation(String url) {
			return HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		}

		HttpResponse<String> send(HttpRequest request) {
			try {
				return this.client.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
