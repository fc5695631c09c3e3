package io.github.cognitosso.test;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the simulator over HTTP the way a browser and an OAuth client would, and checks
 * it answers as Cognito does.
 */
class CognitoSimulatorTests {

	private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/cognito";

	private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9s8xqk5RhYQnSr5f9HuIR5ZSo";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private CognitoSimulator cognito;

	private HttpClient browser;

	@BeforeEach
	void start() {
		this.cognito = CognitoSimulator.demo()
			.client(SimulatedClient.publicClient("public-client", List.of(CALLBACK), List.of("http://localhost:8080/")))
			.clock(this.clock)
			.build()
			.start();
		this.browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@AfterEach
	void stop() {
		this.cognito.close();
	}

	@Test
	void discoveryAndJwksDescribeThePool() throws Exception {
		Map<String, Object> discovery = JSONObjectUtils
			.parse(get(this.cognito.issuer() + "/.well-known/openid-configuration").body());
		assertThat(discovery).containsEntry("issuer", this.cognito.issuer())
			.containsEntry("token_endpoint", this.cognito.baseUrl() + "/oauth2/token");
		JWKSet jwks = JWKSet.parse(get(this.cognito.issuer() + "/.well-known/jwks.json").body());
		assertThat(jwks.getKeys()).hasSize(2).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void signInWithTheLoginFormYieldsCognitoShapedTokens() throws Exception {
		String code = signIn("alice", "alice-password", "demo-client", "nonce-1");
		Map<String, Object> tokens = JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret", "grant_type=authorization_code&code=" + code
					+ "&redirect_uri=" + encode(CALLBACK) + "&code_verifier=" + VERIFIER)
				.body());
		JWTClaimsSet access = verified((String) tokens.get("access_token"));
		assertThat(access.getClaims()).containsEntry("token_use", "access")
			.containsEntry("client_id", "demo-client")
			.containsEntry("username", "alice")
			.containsEntry("scope", "openid email profile")
			.containsEntry("iss", this.cognito.issuer())
			.doesNotContainKey("aud");
		assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admin");
		JWTClaimsSet id = verified((String) tokens.get("id_token"));
		assertThat(id.getClaims()).containsEntry("token_use", "id")
			.containsEntry("cognito:username", "alice")
			.containsEntry("email", "alice@example.com")
			.containsEntry("nonce", "nonce-1");
		assertThat(id.getAudience()).containsExactly("demo-client");
		assertThat(tokens).containsKey("refresh_token").containsEntry("token_type", "Bearer");
	}

	@Test
	void wrongPasswordShowsCognitosMessage() throws Exception {
		HttpResponse<String> form = get(authorizeUrl("demo-client", "n"));
		assertThat(form.body()).contains("<form id=\"signin\"");
		HttpResponse<String> failed = post(this.cognito.baseUrl() + "/login",
				hiddenFields(form.body()) + "&username=alice&password=wrong", null);
		assertThat(failed.statusCode()).isEqualTo(200);
		assertThat(failed.body()).contains("Incorrect username or password.");
	}

	@Test
	void codesAreSingleUseAndBoundToVerifierAndRedirect() throws Exception {
		String code = signIn("bob", "bob-password", "demo-client", null);
		String wrongVerifier = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(CALLBACK)
				+ "&code_verifier=wrong-verifier-wrong-verifier-wrong-verifier";
		assertThat(tokenRequest("demo-client", "demo-secret", wrongVerifier).body()).contains("invalid_grant");
		// Bob's hosted-UI session is alive, so the second authorize request returns a
		// code at once.
		String location = get(authorizeUrl("demo-client", null)).headers().firstValue("Location").orElseThrow();
		String second = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
		String ok = "grant_type=authorization_code&code=" + second + "&redirect_uri=" + encode(CALLBACK)
				+ "&code_verifier=" + VERIFIER;
		assertThat(tokenRequest("demo-client", "demo-secret", ok).statusCode()).isEqualTo(200);
		HttpResponse<String> reused = tokenRequest("demo-client", "demo-secret", ok);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("invalid_grant");
	}

	@Test
	void expiredCodeIsRejected() throws Exception {
		String code = signIn("bob", "bob-password", "demo-client", null);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=authorization_code&code=" + code
				+ "&redirect_uri=" + encode(CALLBACK) + "&code_verifier=" + VERIFIER)
			.body()).contains("invalid_grant");
	}

	@Test
	void publicClientRedeemsItsCodeWithoutSecret() throws Exception {
		String code = signIn("alice", "alice-password", "public-client", null);
		HttpResponse<String> response = post(this.cognito.baseUrl() + "/oauth2/token",
				"grant_type=authorization_code&client_id=public-client&code=" + code + "&redirect_uri="
						+ encode(CALLBACK) + "&code_verifier=" + VERIFIER,
				null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("access_token");
	}

	@Test
	void wrongSecretIsInvalidClient() throws Exception {
		HttpResponse<String> response = tokenRequest("demo-machine", "not-the-secret",
				"grant_type=client_credentials&scope=demo-api/read");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error\":\"invalid_client\"");
	}

	@Test
	void clientCredentialsGrantIssuesMachineTokens() throws Exception {
		Map<String, Object> tokens = JSONObjectUtils.parse(
				tokenRequest("demo-machine", "demo-machine-secret", "grant_type=client_credentials&scope=demo-api/read")
					.body());
		JWTClaimsSet machine = verified((String) tokens.get("access_token"));
		assertThat(machine.getSubject()).isEqualTo("demo-machine");
		assertThat(machine.getClaims()).containsEntry("client_id", "demo-machine")
			.containsEntry("scope", "demo-api/read")
			.doesNotContainKey("username");
		assertThat(tokens).doesNotContainKey("refresh_token");
	}

	@Test
	void clientCredentialsRefuseBuiltInScopes() throws Exception {
		assertThat(tokenRequest("demo-machine", "demo-machine-secret", "grant_type=client_credentials&scope=openid")
			.body()).contains("invalid_scope");
	}

	@Test
	void clientCredentialsAreRefusedToLoginClients() throws Exception {
		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=client_credentials").body())
			.contains("unauthorized_client");
	}

	@Test
	void userInfoSendsVerifiedFlagsAsStrings() throws Exception {
		String access = this.cognito.tokens().accessToken(this.cognito.user("alice"), "demo-client", "openid", "email");
		HttpResponse<String> response = this.browser
			.send(HttpRequest.newBuilder(URI.create(this.cognito.baseUrl() + "/oauth2/userInfo"))
				.header("Authorization", "Bearer " + access)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("username", "alice")
			.containsEntry("email_verified", "true");
	}

	@Test
	void refreshAndRevokeFollowCognito() throws Exception {
		String code = signIn("alice", "alice-password", "demo-client", null);
		Map<String, Object> tokens = JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret", "grant_type=authorization_code&code=" + code
					+ "&redirect_uri=" + encode(CALLBACK) + "&code_verifier=" + VERIFIER)
				.body());
		String refresh = (String) tokens.get("refresh_token");
		Map<String, Object> refreshed = JSONObjectUtils.parse(
				tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(refresh))
					.body());
		assertThat(refreshed).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");
		assertThat(
				tokenRequest("demo-client", "demo-secret", "token=" + encode(refresh), "/oauth2/revoke").statusCode())
			.isEqualTo(200);
		assertThat(
				tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(refresh))
					.body())
			.contains("invalid_grant");
		HttpResponse<String> userInfo = this.browser
			.send(HttpRequest.newBuilder(URI.create(this.cognito.baseUrl() + "/oauth2/userInfo"))
				.header("Authorization", "Bearer " + refreshed.get("access_token"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(userInfo.statusCode()).isEqualTo(401);
	}

	@Test
	void withRotationTheReplacedRefreshTokenRefreshesOnlyWithinTheRetryGracePeriod() throws Exception {
		this.cognito
			.addClient(this.cognito.client("demo-client").withRefreshTokenRetryGracePeriod(Duration.ofSeconds(10)));
		String code = signIn("alice", "alice-password", "demo-client", null);
		String first = (String) JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret",
					"grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(CALLBACK)
							+ "&code_verifier=" + VERIFIER)
				.body())
			.get("refresh_token");
		Map<String, Object> rotated = JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(first))
				.body());
		assertThat((String) rotated.get("refresh_token")).isNotBlank().isNotEqualTo(first);

		this.clock.advance(Duration.ofSeconds(10));
		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(first))
			.statusCode()).as("within the grace period").isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(first))
			.body()).as("after the grace period").contains("invalid_grant");
		assertThat(tokenRequest("demo-client", "demo-secret",
				"grant_type=refresh_token&refresh_token=" + encode((String) rotated.get("refresh_token")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void withRotationAndNoGracePeriodTheReplacedRefreshTokenStopsAtOnce() throws Exception {
		this.cognito.addClient(this.cognito.client("demo-client").withRefreshTokenRotation(true));
		String code = signIn("alice", "alice-password", "demo-client", null);
		String first = (String) JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret",
					"grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(CALLBACK)
							+ "&code_verifier=" + VERIFIER)
				.body())
			.get("refresh_token");
		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(first))
			.statusCode()).isEqualTo(200);

		assertThat(tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(first))
			.body()).contains("invalid_grant");
	}

	@Test
	void refreshedTokensKeepTheAuthTimeOfTheSignIn() throws Exception {
		String code = signIn("alice", "alice-password", "demo-client", null);
		String refresh = (String) JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret",
					"grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(CALLBACK)
							+ "&code_verifier=" + VERIFIER)
				.body())
			.get("refresh_token");
		this.clock.advance(Duration.ofHours(2));

		Map<String, Object> refreshed = JSONObjectUtils.parse(
				tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(refresh))
					.body());

		JWTClaimsSet idToken = verified((String) refreshed.get("id_token"));
		assertThat(idToken.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
		assertThat(idToken.getLongClaim("auth_time")).isEqualTo(Instant.parse("2026-11-23T10:00:00Z").getEpochSecond());
		assertThat(verified((String) refreshed.get("access_token")).getLongClaim("auth_time"))
			.isEqualTo(Instant.parse("2026-11-23T10:00:00Z").getEpochSecond());
	}

	@Test
	void globalSignOutRevokesEveryRefreshTokenOfTheUser() throws Exception {
		String code = signIn("alice", "alice-password", "demo-client", null);
		String refresh = (String) JSONObjectUtils
			.parse(tokenRequest("demo-client", "demo-secret",
					"grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(CALLBACK)
							+ "&code_verifier=" + VERIFIER)
				.body())
			.get("refresh_token");

		this.cognito.globalSignOut("alice");

		assertThat(
				tokenRequest("demo-client", "demo-secret", "grant_type=refresh_token&refresh_token=" + encode(refresh))
					.body())
			.contains("invalid_grant");
		assertThat(this.cognito.activeSessions()).isZero();
	}

	@Test
	void hostedUiSessionMakesTheNextSignInSilentUntilLogout() throws Exception {
		signIn("alice", "alice-password", "demo-client", null);
		assertThat(this.cognito.activeSessions()).isEqualTo(1);
		HttpResponse<String> silent = get(authorizeUrl("demo-client", null));
		assertThat(silent.statusCode()).isEqualTo(302);
		assertThat(silent.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).startsWith(CALLBACK + "?code="));
		HttpResponse<String> logout = get(this.cognito.baseUrl() + "/logout?client_id=demo-client&logout_uri="
				+ encode("http://localhost:8080/"));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).contains("http://localhost:8080/");
		assertThat(this.cognito.activeSessions()).isZero();
		assertThat(get(authorizeUrl("demo-client", null)).body()).contains("<form id=\"signin\"");
	}

	@Test
	void logoutRefusesUnregisteredSignOutUrls() throws Exception {
		HttpResponse<String> logout = get(this.cognito.baseUrl() + "/logout?client_id=demo-client&logout_uri="
				+ encode("https://evil.example.com/"));
		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.body()).contains("not an allowed sign-out URL");
	}

	@Test
	void authorizeRefusesUnregisteredCallbacks() throws Exception {
		HttpResponse<String> response = get(
				this.cognito.baseUrl() + "/oauth2/authorize?response_type=code&client_id=demo-client&redirect_uri="
						+ encode("https://evil.example.com/cb"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("redirect_mismatch");
	}

	@Test
	void pathsAndMethodsCognitoDoesNotServeAreNotFound() throws Exception {
		HttpResponse<String> unknown = get(this.cognito.baseUrl() + "/oauth2/unknown");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSONObjectUtils.parse(unknown.body())).containsEntry("error", "not_found");
		assertThat(get(this.cognito.baseUrl() + "/oauth2/token").statusCode()).isEqualTo(404);
		assertThat(post(this.cognito.baseUrl() + "/oauth2/authorize", "", null).statusCode()).isEqualTo(404);
		assertThat(post(this.cognito.baseUrl() + "/logout", "", null).statusCode()).isEqualTo(404);
		assertThat(get(this.cognito.baseUrl() + "/other-pool/.well-known/jwks.json").statusCode()).isEqualTo(404);
	}

	@Test
	void userInfoAnswersPostLikeGet() throws Exception {
		String access = this.cognito.tokens().accessToken(this.cognito.user("alice"), "demo-client", "openid");
		HttpResponse<String> response = post(this.cognito.baseUrl() + "/oauth2/userInfo", "", "Bearer " + access);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("username", "alice");
	}

	@Test
	void rotatedKeysSignNewTokensWhileOldKeysStayPublished() throws Exception {
		List<String> before = this.cognito.keyIds();
		this.cognito.rotateKeys();
		String token = this.cognito.tokens().machineToken("demo-machine", "demo-api/read");
		String kid = SignedJWT.parse(token).getHeader().getKeyID();
		assertThat(this.cognito.keyIds()).containsAll(before).contains(kid).hasSize(3);
		assertThat(before).doesNotContain(kid);
		this.cognito.retireOldKeys();
		assertThat(this.cognito.keyIds()).containsExactly(kid);
	}

	@Test
	void yamlDescribesUsersAndClients() {
		String yaml = """
				user-pool-id: eu-west-1_Yaml12345
				users:
				  - username: carol
				    password: carol-password
				    email: carol@example.com
				    groups: [editors, admin]
				clients:
				  - client-id: yaml-client
				    client-secret: yaml-secret
				    callback-urls: [http://localhost:9000/cb]
				    sign-out-urls: [http://localhost:9000/]
				    grants: [authorization_code, client_credentials]
				    scopes: [openid, orders/read]
				""";
		try (CognitoSimulator fromYaml = CognitoSimulator
			.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
			.build()
			.start()) {
			assertThat(fromYaml.userPoolId()).isEqualTo("eu-west-1_Yaml12345");
			assertThat(fromYaml.user("carol").groups()).containsExactly("editors", "admin");
			assertThat(fromYaml.client("yaml-client").clientCredentialsGrant()).isTrue();
			assertThat(fromYaml.properties("yaml-client")).containsEntry("cognito.client-secret", "yaml-secret")
				.containsEntry("cognito.issuer-uri", fromYaml.baseUrl() + "/eu-west-1_Yaml12345");
		}
	}

	// --- helpers: a browser and an OAuth client

	private String signIn(String username, String password, String clientId, String nonce) throws Exception {
		HttpResponse<String> form = get(authorizeUrl(clientId, nonce));
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> signedIn = post(this.cognito.baseUrl() + "/login",
				hiddenFields(form.body()) + "&username=" + username + "&password=" + password, null);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(CALLBACK).contains("state=xyz");
		Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	private String authorizeUrl(String clientId, String nonce) throws Exception {
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
		return this.cognito.baseUrl() + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
				+ encode(CALLBACK) + "&scope=" + encode("openid email profile") + "&state=xyz"
				+ ((nonce != null) ? "&nonce=" + nonce : "") + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256";
	}

	private static String hiddenFields(String html) {
		StringBuilder fields = new StringBuilder();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
		while (hidden.find()) {
			if (fields.length() > 0) {
				fields.append('&');
			}
			fields.append(hidden.group(1)).append('=').append(encode(hidden.group(2).replace("&amp;", "&")));
		}
		return fields.toString();
	}

	private HttpResponse<String> tokenRequest(String clientId, String secret, String form) throws Exception {
		return tokenRequest(clientId, secret, form, "/oauth2/token");
	}

	private HttpResponse<String> tokenRequest(String clientId, String secret, String form, String path)
			throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return post(this.cognito.baseUrl() + path, form, "Basic " + basic);
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String form, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JWTClaimsSet verified(String token) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token);
		JWKSet jwks = JWKSet.parse(get(this.cognito.issuer() + "/.well-known/jwks.json").body());
		RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		return jwt.getJWTClaimsSet();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
