package io.github.cognitosso.sample;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.SimulatedClient;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample, started the way README.md says ({@code java -jar}, a separate
 * process, no {@code COGNITO_*} variables, no test annotations), walked in headless
 * Chromium.
 * <p>
 * With {@code -Dsample.screenshots=
 *
<dir>
 * } the zero-configuration walk saves the screenshots that docs/getting-started.md shows
 * (see that page for the command).
 */
class PackagedSampleApplicationIT {

	private static final Path FAILURES = Path.of("target", "screenshots");

	private static HeadlessChromium browser;

	@RegisterExtension
	final TestWatcher failures = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			browser.saveScreenshot(FAILURES, context.getDisplayName());
			browser.savePageSource(FAILURES, context.getDisplayName());
		}
	};

	@BeforeAll
	static void startBrowser() {
		browser = new HeadlessChromium();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void withoutConfigurationTheSampleRunsOnTheSimulatorAndSignsPeopleIn() {
		try (SampleJar sample = SampleJar.start(Map.of())) {
			assertThat(sample.output()).contains("running against the local Cognito simulator")
				.contains("Sign in as alice / alice-password (group admin) or bob / bob-password (no group)")
				.contains("Amazon Cognito user pool us-east-1_Simulat0r");
			String app = sample.url();

			browser.open(app + "/");
			assertThat(browser.text("greeting")).contains("You are not signed in.");
			docsScreenshot("home");
			browser.click("signin");
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			docsScreenshot("login");
			browser.signInAtCognito("alice", "alice-password");
			browser.waitForUrl(app + "/me");
			assertThat(browser.text("username")).isEqualTo("alice");
			assertThat(browser.text("groups")).isEqualTo("admin");
			docsScreenshot("me");

			browser.open(app + "/admin");
			assertThat(browser.text("admin")).contains("alice");

			browser.click("signout-button");
			browser.waitForUrl(app + "/");
			assertThat(browser.text("greeting")).contains("You are not signed in.");

			// No silent sign-in: the Cognito session ended too, so the sign-in form comes
			// back.
			browser.open(app + "/me");
			browser.waitFor(By.id("signin-button"));
			assertThat(browser.showsCognitoSignInForm()).isTrue();
			browser.signInAtCognito("bob", "bob-password");
			browser.waitForUrl(app + "/me");
			assertThat(browser.text("username")).isEqualTo("bob");

			browser.open(app + "/admin");
			assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Access denied");
			docsScreenshot("403");

			HttpResponse<String> api = sample.get("/api/hello", "Accept", "application/json");
			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
			assertThat(api.body()).contains("\"status\":401").contains("\"error\":\"unauthorized\"");

			browser.open(app + "/m2m");
			assertThat(browser.text("m2m-result")).contains("\"machine\":true").contains("client:sample-machine");

			browser.open(app + "/me");
			browser.click("signout-button");
			browser.waitForUrl(app + "/");
		}
	}

	@Test
	void cognitoArgumentsPointTheSampleAtThatPoolInstead() {
		try (CognitoSimulator myPool = CognitoSimulator.builder()
			.userPoolId("eu-west-1_MyOwnPool")
			.user(SimulatedUser.of("carol", "carol-password", "admin"))
			.client(SimulatedClient.confidential("my-client", "my-secret", List.of(), List.of()))
			.build()
			.start()) {
			int port = SampleJar.reservePort();
			myPool.allowUrls("my-client", List.of("http://localhost:" + port + "/login/oauth2/code/cognito"),
					List.of("http://localhost:" + port + "/"));
			String[] arguments = myPool.properties("my-client")
				.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new);
			try (SampleJar sample = SampleJar.start(port, Map.of(), arguments)) {
				assertThat(sample.output()).contains("Using the Amazon Cognito user pool eu-west-1_MyOwnPool")
					.doesNotContain("running against the local Cognito simulator");
				browser.open(sample.url() + "/me");
				assertThat(browser.currentUrl()).startsWith(myPool.baseUrl() + "/oauth2/authorize");
				browser.signInAtCognito("carol", "carol-password");
				browser.waitForUrl(sample.url() + "/me");
				assertThat(browser.text("username")).isEqualTo("carol");
				myPool.wireMock().verify(postRequestedFor(urlPathEqualTo("/oauth2/token")));
				browser.click("signout-button");
				browser.waitForUrl(sample.url() + "/");
				myPool.wireMock().verify(getRequestedFor(urlPathEqualTo("/logout")));
			}
		}
	}

	@Test
	void aPoolNamedOnlyInAnAdditionalConfigFileKeepsTheSimulatorOff(@TempDir Path config) throws Exception {
		try (CognitoSimulator myPool = apiPool()) {
			Path file = config.resolve("my-pool.yml");
			StringBuilder yaml = new StringBuilder("cognito:\n");
			myPool.properties("my-api")
				.forEach((name, value) -> yaml.append("  ")
					.append(name.substring("cognito.".length()))
					.append(": \"")
					.append(value)
					.append("\"\n"));
			Files.writeString(file, yaml);
			try (SampleJar sample = SampleJar.start(Map.of(),
					"--spring.config.additional-location=file:" + file.toAbsolutePath())) {
				assertTrustsOnlyThatPool(sample, myPool);
			}
		}
	}

	@Test
	void aPoolNamedOnlyInSpringApplicationJsonKeepsTheSimulatorOff() throws JOSEException {
		try (CognitoSimulator myPool = apiPool()) {
			StringBuilder json = new StringBuilder("{");
			myPool.properties("my-api")
				.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
					.append('"')
					.append(name)
					.append("\":\"")
					.append(value)
					.append('"'));
			json.append('}');
			try (SampleJar sample = SampleJar.start(Map.of("SPRING_APPLICATION_JSON", json.toString()))) {
				assertTrustsOnlyThatPool(sample, myPool);
			}
		}
	}

	private static CognitoSimulator apiPool() {
		return CognitoSimulator.builder()
			.userPoolId("eu-west-1_ConfigFile")
			.user(SimulatedUser.of("dave", "dave-password"))
			.client(SimulatedClient.confidential("my-api", "my-api-secret", List.of(), List.of()))
			.build()
			.start();
	}

	/**
	 * The configured pool's tokens are accepted; a token from another simulator (new
	 * keys, like the built-in one would mint) claiming the same issuer is not, and no
	 * simulator was started beside the pool.
	 */
	private static void assertTrustsOnlyThatPool(SampleJar sample, CognitoSimulator myPool) throws JOSEException {
		assertThat(sample.output()).contains("Using the Amazon Cognito user pool " + myPool.userPoolId())
			.doesNotContain("running against the local Cognito simulator");
		String genuine = myPool.tokens().accessToken(myPool.user("dave"), "my-api", "openid");
		HttpResponse<String> accepted = sample.get("/api/hello", "Authorization", "Bearer " + genuine);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("dave");
		try (CognitoSimulator impostor = CognitoSimulator.builder()
			.userPoolId(myPool.userPoolId())
			.user(SimulatedUser.of("dave", "dave-password"))
			.build()
			.start()) {
			String otherSimulators = impostor.tokens().accessToken(impostor.user("dave"), "my-api", "openid");
			assertThat(sample.get("/api/hello", "Authorization", "Bearer " + otherSimulators).statusCode())
				.isEqualTo(401);
		}
		String forgedSignature = signedByAnotherKey(myPool);
		assertThat(sample.get("/api/hello", "Authorization", "Bearer " + forgedSignature).statusCode()).isEqualTo(401);
	}

	/**
	 * The pool's issuer and key id, every claim right, signed with a key the pool does
	 * not have.
	 */
	private static String signedByAnotherKey(CognitoSimulator pool) throws JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyID(pool.keyIds().get(0)).generate();
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(pool.issuer())
			.subject("dave")
			.claim("token_use", "access")
			.claim("client_id", "my-api")
			.claim("username", "dave")
			.claim("scope", "openid")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static void docsScreenshot(String name) {
		String directory = System.getProperty("sample.screenshots");
		if (directory != null && !directory.isBlank()) {
			browser.saveScreenshot(Path.of(directory), name);
		}
	}

}
