package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Amazon Cognito played by scripted WireMock stubs on 127.0.0.1: the managed login's
 * authorize redirect, the token endpoint with RS256-signed tokens, JWKS, userInfo, revoke
 * and logout. Unlike the behavioural simulator of cognito-sso-test, each test scripts
 * exactly what Cognito answers (errors, garbage, forged tokens). One server for the whole
 * test run; each test resets the stubs it changes.
 */
final class ScriptedCognito {

	static final String POOL_ID = "us-east-2_TestPool1";

	static final String CLIENT_ID = "2or4cs8bjo1lkbq6143tqp6ist";

	static final String CLIENT_SECRET = "s3cr3t-of-the-confidential-app-client-0123456789abcdef";

	private static final ScriptedCognito INSTANCE = new ScriptedCognito();

	private final WireMockServer server;

	private final RSAKey key;

	private ScriptedCognito() {
		this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ScriptedCognito instance() {
		return INSTANCE;
	}

	WireMockServer server() {
		return this.server;
	}

	/**
	 * @return the domain, as cognito.domain takes it
	 */
	String domain() {
		return "http://localhost:" + this.server.port();
	}

	String issuer() {
		return domain() + "/" + POOL_ID;
	}

	/**
	 * Back to the standard behaviour: JWKS, authorize redirect, revoke and logout
	 * succeed; no token stub.
	 */
	void reset() {
		this.server.resetAll();
		this.server.stubFor(get(urlPathEqualTo("/" + POOL_ID + "/.well-known/jwks.json"))
			.willReturn(okJson(new JWKSet(this.key.toPublicJWK()).toString())));
		// The hosted UI, after the user typed valid credentials: back to the redirect URI
		// with a code and the state.
		this.server.stubFor(get(urlPathEqualTo("/oauth2/authorize")).willReturn(aResponse().withStatus(302)
			.withHeader("Location",
					"{{request.query.redirect_uri}}?code=the-authorization-code&state={{request.query.state}}")
			.withTransformers("response-template")));
		this.server.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
		this.server.stubFor(get(urlPathEqualTo("/logout"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("signed out")));
	}

	void stubAuthorize(ResponseDefinitionBuilder response) {
		this.server.stubFor(get(urlPathEqualTo("/oauth2/authorize")).willReturn(response));
	}

	void stubToken(ResponseDefinitionBuilder response) {
		this.server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(response));
	}

	/**
	 * The token endpoint answers the authorization code grant and, separately, the
	 * refresh grant.
	 */
	void stubTokenGrants(ResponseDefinitionBuilder codeResponse, ResponseDefinitionBuilder refreshResponse) {
		this.server.stubFor(post(urlPathEqualTo("/oauth2/token"))
			.withFormParam("grant_type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("authorization_code"))
			.willReturn(codeResponse));
		this.server.stubFor(post(urlPathEqualTo("/oauth2/token"))
			.withFormParam("grant_type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("refresh_token"))
			.willReturn(refreshResponse));
	}

	void stubUserInfo(ResponseDefinitionBuilder response) {
		this.server.stubFor(get(urlPathEqualTo("/oauth2/userInfo")).willReturn(response));
	}

	void stubRevoke(ResponseDefinitionBuilder response) {
		this.server.stubFor(post(urlPathEqualTo("/oauth2/revoke")).willReturn(response));
	}

	List<LoggedRequest> tokenRequests() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")));
	}

	List<LoggedRequest> revokeRequests() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/oauth2/revoke")));
	}

	/**
	 * A token response as Cognito's /oauth2/token sends it: no scope member.
	 */
	static ResponseDefinitionBuilder tokenResponse(String idToken, String accessToken, String refreshToken,
			long expiresIn) {
		StringBuilder json = new StringBuilder("{");
		if (idToken != null) {
			json.append("\"id_token\":\"").append(idToken).append("\",");
		}
		json.append("\"access_token\":\"").append(accessToken).append("\",");
		if (refreshToken != null) {
			json.append("\"refresh_token\":\"").append(refreshToken).append("\",");
		}
		json.append("\"token_type\":\"Bearer\",\"expires_in\":").append(expiresIn).append('}');
		return okJson(json.toString());
	}

	/**
	 * @return the standard ID token claims Cognito issues for the user, with the nonce of
	 * the sign-in
	 */
	Map<String, Object> idTokenClaims(CognitoUser user, String nonce, Instant authTime) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.sub());
		claims.put("aud", CLIENT_ID);
		claims.put("iss", issuer());
		claims.put("token_use", "id");
		claims.put("auth_time", authTime.getEpochSecond());
		claims.put("cognito:username", user.username());
		claims.put("email", user.email());
		claims.put("email_verified", true);
		if (!user.groups().isEmpty()) {
			claims.put("cognito:groups", user.groups());
		}
		if (nonce != null) {
			claims.put("nonce", nonce);
		}
		claims.put("jti", UUID.randomUUID().toString());
		return claims;
	}

	Map<String, Object> accessTokenClaims(CognitoUser user, String scope, Instant authTime) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.sub());
		claims.put("iss", issuer());
		claims.put("client_id", CLIENT_ID);
		claims.put("token_use", "access");
		claims.put("scope", scope);
		claims.put("auth_time", authTime.getEpochSecond());
		claims.put("username", user.username());
		if (!user.groups().isEmpty()) {
			claims.put("cognito:groups", user.groups());
		}
		claims.put("jti", UUID.randomUUID().toString());
		return claims;
	}

	/**
	 * @return a JWT signed with the pool's key, issued now and valid for an hour unless
	 * the claims say otherwise
	 */
	String sign(Map<String, Object> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issueTime(Date.from(now.minusSeconds(1)))
			.expirationTime(Date.from(now.plusSeconds(3600)));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).type(JOSEObjectType.JWT).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** A user of the pool. */
	record CognitoUser(String sub, String username, String email, List<String> groups) {

		static CognitoUser alice() {
			return new CognitoUser("7f1d2c3b-1111-4a5b-9c8d-0e1f2a3b4c5d", "alice", "alice@example.com",
					List.of("admin", "staff"));
		}

		static CognitoUser bob() {
			return new CognitoUser("0a9b8c7d-2222-4e5f-8a9b-1c2d3e4f5a6b", "bob", "bob@example.com", List.of());
		}

	}

}
