package io.github.cognitosso.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.cognitosso.test.SimulatorStore.AuthorizationCode;
import io.github.cognitosso.test.SimulatorStore.RefreshGrant;

import static io.github.cognitosso.test.RequestParameters.cookie;
import static io.github.cognitosso.test.RequestParameters.form;
import static io.github.cognitosso.test.RequestParameters.query;
import static io.github.cognitosso.test.RequestParameters.scopes;
import static io.github.cognitosso.test.SimulatorResponses.bearerError;
import static io.github.cognitosso.test.SimulatorResponses.encode;
import static io.github.cognitosso.test.SimulatorResponses.errorPage;
import static io.github.cognitosso.test.SimulatorResponses.escapeHtml;
import static io.github.cognitosso.test.SimulatorResponses.html;
import static io.github.cognitosso.test.SimulatorResponses.json;
import static io.github.cognitosso.test.SimulatorResponses.oauthError;
import static io.github.cognitosso.test.SimulatorResponses.redirectWithError;
import static io.github.cognitosso.test.SimulatorResponses.response;

/**
 * The simulated Cognito endpoints, as one WireMock transformer routing on method and path. Behaviour follows
 * Cognito's: exact callback and sign-out URL matching, single-use codes bound to client, redirect URI, PKCE
 * challenge and nonce, OAuth error codes as JSON with HTTP 400, string-typed {@code email_verified} in userInfo,
 * and a hosted-UI session cookie that makes the next authorize request silent until {@code /logout}.
 */
final class SimulatorEndpoints implements ResponseDefinitionTransformerV2 {

	static final String NAME = "cognito-simulator";

	static final String SESSION_COOKIE = "cognito";

	/** Cognito's authorization codes are valid for five minutes. */
	private static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

	private static final Set<String> BUILT_IN_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	private final CognitoSimulator simulator;

	private final SimulatorStore store = new SimulatorStore();

	private final ClientAuthentication clientAuthentication;

	SimulatorEndpoints(CognitoSimulator simulator) {
		this.simulator = simulator;
		this.clientAuthentication = new ClientAuthentication(simulator);
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	/**
	 * Revokes every refresh token of the user, with the access and ID tokens issued from them, and ends the user's
	 * hosted-UI sessions.
	 */
	void globalSignOut(String username) {
		this.store.globalSignOut(username);
	}

	int activeSessions() {
		return this.store.activeSessions();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String path = URI.create(request.getUrl()).getRawPath();
		RequestMethod method = request.getMethod();
		String poolPath = "/" + this.simulator.userPoolId();
		try {
			if (path.equals(poolPath + "/.well-known/openid-configuration")) {
				return json(200, discovery());
			}
			if (path.equals(poolPath + "/.well-known/jwks.json")) {
				return response(200).withHeader("Content-Type", "application/json")
					.withBody(this.simulator.keys().jwksJson())
					.build();
			}
			if (path.equals("/oauth2/authorize") && method.equals(RequestMethod.GET)) {
				return authorize(request);
			}
			if (path.equals("/login") && method.equals(RequestMethod.POST)) {
				return login(request);
			}
			if (path.equals("/oauth2/token") && method.equals(RequestMethod.POST)) {
				return token(request);
			}
			if (path.equals("/oauth2/userInfo")) {
				return userInfo(request);
			}
			if (path.equals("/oauth2/revoke") && method.equals(RequestMethod.POST)) {
				return revoke(request);
			}
			if (path.equals("/logout") && method.equals(RequestMethod.GET)) {
				return logout(request);
			}
			return json(404, Map.of("error", "not_found", "error_description", "The simulator has no " + path));
		}
		catch (RuntimeException ex) {
			return json(500, Map.of("error", "server_error", "error_description", String.valueOf(ex.getMessage())));
		}
	}

	private Map<String, Object> discovery() {
		String base = this.simulator.baseUrl();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", this.simulator.issuer());
		document.put("authorization_endpoint", base + "/oauth2/authorize");
		document.put("token_endpoint", base + "/oauth2/token");
		document.put("userinfo_endpoint", base + "/oauth2/userInfo");
		document.put("revocation_endpoint", base + "/oauth2/revoke");
		document.put("end_session_endpoint", base + "/logout");
		document.put("jwks_uri", this.simulator.issuer() + "/.well-known/jwks.json");
		document.put("response_types_supported", List.of("code", "token"));
		document.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		return document;
	}

	// --- /oauth2/authorize and the hosted UI's login form

	private ResponseDefinition authorize(Request request) {
		Map<String, String> params = query(request);
		SimulatedClient client = this.simulator.findClient(params.get("client_id")).orElse(null);
		if (client == null) {
			return errorPage(400, "invalid_request", "Client does not exist.");
		}
		String redirectUri = params.get("redirect_uri");
		if (redirectUri == null || !client.callbackUrls().contains(redirectUri)) {
			return errorPage(400, "redirect_mismatch", "The redirect_uri is not an allowed callback URL of the app client.");
		}
		if (!"code".equals(params.get("response_type")) || !client.authorizationCodeGrant()) {
			return redirectWithError(redirectUri, "unsupported_response_type", params.get("state"));
		}
		for (String scope : scopes(params.get("scope"))) {
			if (!client.scopes().contains(scope)) {
				return redirectWithError(redirectUri, "invalid_scope", params.get("state"));
			}
		}
		if (params.containsKey("code_challenge") && !"S256".equals(params.get("code_challenge_method"))) {
			return redirectWithError(redirectUri, "invalid_request", params.get("state"));
		}
		if (!client.isConfidential() && !params.containsKey("code_challenge")) {
			// Public clients cannot prove who redeems the code without PKCE.
			return redirectWithError(redirectUri, "invalid_request", params.get("state"));
		}
		String signedIn = this.store.sessionUser(cookie(request, SESSION_COOKIE));
		if (signedIn != null) {
			// Cognito's hosted UI session: a signed-in browser gets a code without seeing the form again.
			return issueCode(signedIn, params, null);
		}
		return loginForm(params, null, 200);
	}

	private ResponseDefinition login(Request request) {
		Map<String, String> params = query(request);
		Map<String, String> form = form(request);
		params.putAll(form);
		SimulatedClient client = this.simulator.findClient(params.get("client_id")).orElse(null);
		String redirectUri = params.get("redirect_uri");
		if (client == null || redirectUri == null || !client.callbackUrls().contains(redirectUri)) {
			return errorPage(400, "invalid_request", "The sign-in request is not valid for any app client.");
		}
		SimulatedUser user = this.simulator.findUser(form.get("username")).orElse(null);
		if (user == null || !user.password().equals(form.get("password"))) {
			return loginForm(params, "Incorrect username or password.", 200);
		}
		String session = this.store.startSession(user.username());
		return issueCode(user.username(), params, SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
	}

	private ResponseDefinition issueCode(String username, Map<String, String> params, String setCookie) {
		String code = this.store.issueCode(new AuthorizationCode(params.get("client_id"), params.get("redirect_uri"), username,
						scopes(params.get("scope")), params.get("code_challenge"), params.get("nonce"),
						this.simulator.clock().instant().plus(CODE_VALIDITY)));
		StringBuilder location = new StringBuilder(params.get("redirect_uri"));
		location.append(params.get("redirect_uri").contains("?") ? '&' : '?').append("code=").append(code);
		if (params.get("state") != null) {
			location.append("&state=").append(encode(params.get("state")));
		}
		ResponseDefinitionBuilder response = response(302).withHeader("Location", location.toString());
		if (setCookie != null) {
			response.withHeader("Set-Cookie", setCookie);
		}
		return response.build();
	}

	private ResponseDefinition loginForm(Map<String, String> params, String error, int status) {
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
				"code_challenge", "code_challenge_method", "lang", "identity_provider")) {
			if (params.get(name) != null) {
				hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
					.append(escapeHtml(params.get(name))).append("\">\n");
			}
		}
		String html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Sign in (Cognito simulator)</title></head>
				<body>
				<main>
				<h1>Sign in</h1>
				<p>Cognito simulator: user pool %s</p>
				%s
				<form id="signin" method="post" action="/login">
				%s<label for="username">Username</label> <input id="username" name="username" autocomplete="username" required>
				<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
				<button id="signin-button" type="submit">Sign in</button>
				</form>
				</main>
				</body></html>
				""".formatted(escapeHtml(this.simulator.userPoolId()),
				(error != null) ? "<p id=\"error\" role=\"alert\">" + escapeHtml(error) + "</p>" : "", hidden);
		return html(status, html);
	}

	// --- /oauth2/token

	private ResponseDefinition token(Request request) {
		Map<String, String> form = form(request);
		SimulatedClient client = this.clientAuthentication.authenticate(request, form);
		if (client == null) {
			return oauthError("invalid_client");
		}
		String grantType = form.get("grant_type");
		if (grantType == null) {
			return oauthError("invalid_request");
		}
		return switch (grantType) {
			case "authorization_code" -> authorizationCodeGrant(client, form);
			case "refresh_token" -> refreshTokenGrant(client, form);
			case "client_credentials" -> clientCredentialsGrant(client, form);
			default -> oauthError("unsupported_grant_type");
		};
	}

	private ResponseDefinition authorizationCodeGrant(SimulatedClient client, Map<String, String> form) {
		AuthorizationCode code = this.store.redeemCode(form.get("code"));
		if (code == null || !code.clientId().equals(client.clientId())
				|| this.simulator.clock().instant().isAfter(code.expiresAt())) {
			return oauthError("invalid_grant");
		}
		if (!code.redirectUri().equals(form.get("redirect_uri"))) {
			return oauthError("invalid_grant");
		}
		if (code.codeChallenge() != null && !code.codeChallenge().equals(s256(form.get("code_verifier")))) {
			return oauthError("invalid_grant");
		}
		SimulatedUser user = this.simulator.findUser(code.username()).orElse(null);
		if (user == null) {
			return oauthError("invalid_grant");
		}
		String origin = this.store.newOrigin();
		Instant authTime = this.simulator.clock().instant();
		String refreshToken = this.store
			.issueRefreshToken(new RefreshGrant(client.clientId(), user.username(), code.scopes(), origin, authTime));
		return json(200, userTokens(client, user, code.scopes(), code.nonce(), origin, authTime, refreshToken));
	}

	private ResponseDefinition refreshTokenGrant(SimulatedClient client, Map<String, String> form) {
		String presented = form.get("refresh_token");
		RefreshGrant grant = this.store.refreshGrant(presented);
		if (grant == null || !grant.clientId().equals(client.clientId())) {
			return oauthError("invalid_grant");
		}
		SimulatedUser user = this.simulator.findUser(grant.username()).orElse(null);
		if (user == null) {
			return oauthError("invalid_grant");
		}
		String newRefreshToken = null;
		if (client.refreshTokenRotation()) {
			newRefreshToken = this.store.rotateRefreshToken(presented, grant);
		}
		return json(200,
				userTokens(client, user, grant.scopes(), null, grant.origin(), grant.authTime(), newRefreshToken));
	}

	private ResponseDefinition clientCredentialsGrant(SimulatedClient client, Map<String, String> form) {
		if (!client.isConfidential() || !client.clientCredentialsGrant()) {
			return oauthError("unauthorized_client");
		}
		List<String> requested = scopes(form.get("scope"));
		if (requested.isEmpty()) {
			requested = client.scopes().stream().filter((scope) -> !BUILT_IN_SCOPES.contains(scope)).toList();
		}
		for (String scope : requested) {
			if (BUILT_IN_SCOPES.contains(scope) || !client.scopes().contains(scope)) {
				return oauthError("invalid_scope");
			}
		}
		String accessToken = this.simulator.tokens()
			.machineToken(client.clientId(), requested, client.accessTokenValidity(), (claims) -> {
			});
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("expires_in", client.accessTokenValidity().toSeconds());
		body.put("token_type", "Bearer");
		return json(200, body);
	}

	private Map<String, Object> userTokens(SimulatedClient client, SimulatedUser user, List<String> scopes,
			String nonce, String origin, Instant authTime, String refreshToken) {
		CognitoTokens tokens = this.simulator.tokens();
		Duration validity = client.accessTokenValidity();
		// As Cognito: tokens from a refresh keep the auth_time of the sign-in they descend from.
		String accessToken = tokens.accessToken(user, client.clientId(), scopes, validity,
				(claims) -> claims.claim("origin_jti", origin).claim("auth_time", authTime.getEpochSecond()));
		Map<String, Object> body = new LinkedHashMap<>();
		if (scopes.contains("openid")) {
			body.put("id_token", tokens.idToken(user, client.clientId(), nonce, accessToken, validity,
					(claims) -> claims.claim("origin_jti", origin).claim("auth_time", authTime.getEpochSecond())));
		}
		body.put("access_token", accessToken);
		if (refreshToken != null) {
			body.put("refresh_token", refreshToken);
		}
		body.put("expires_in", validity.toSeconds());
		body.put("token_type", "Bearer");
		return body;
	}

	// --- /oauth2/userInfo

	private ResponseDefinition userInfo(Request request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return bearerError("invalid_request", "Access token is missing");
		}
		JWTClaimsSet claims = verify(authorization.substring(7).trim());
		if (claims == null || !"access".equals(claims.getClaim("token_use"))
				|| claims.getExpirationTime() == null
				|| claims.getExpirationTime().toInstant().isBefore(this.simulator.clock().instant())
				|| this.store.isRevoked(String.valueOf(claims.getClaim("origin_jti")))) {
			return bearerError("invalid_token", "Access token is not valid");
		}
		SimulatedUser user = this.simulator.findUser(String.valueOf(claims.getClaim("username"))).orElse(null);
		if (user == null || !scopes(String.valueOf(claims.getClaim("scope"))).contains("openid")) {
			return bearerError("invalid_token", "Access token does not allow userInfo");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sub", user.sub());
		if (user.email() != null) {
			// Cognito's userInfo sends the *_verified attributes as strings.
			body.put("email_verified", "true");
			body.put("email", user.email());
		}
		body.putAll(user.attributes());
		body.put("username", user.username());
		return json(200, body);
	}

	private JWTClaimsSet verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			for (RSAKey key : this.simulator.keys().publicKeys()) {
				if (key.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new RSASSAVerifier(key))) {
					return jwt.getJWTClaimsSet();
				}
			}
			return null;
		}
		catch (ParseException | JOSEException ex) {
			return null;
		}
	}

	// --- /oauth2/revoke

	private ResponseDefinition revoke(Request request) {
		Map<String, String> form = form(request);
		SimulatedClient client = this.clientAuthentication.authenticate(request, form);
		if (client == null) {
			return oauthError("invalid_client");
		}
		String token = form.get("token");
		if (token == null) {
			return oauthError("invalid_request");
		}
		RefreshGrant grant = this.store.refreshGrant(token);
		if (grant != null) {
			if (!grant.clientId().equals(client.clientId())) {
				return oauthError("unauthorized_client");
			}
			this.store.revokeRefreshToken(token, grant);
		}
		return response(200).build();
	}

	// --- /logout

	private ResponseDefinition logout(Request request) {
		Map<String, String> params = query(request);
		SimulatedClient client = this.simulator.findClient(params.get("client_id")).orElse(null);
		if (client == null) {
			return errorPage(400, "invalid_request", "Client does not exist.");
		}
		String logoutUri = params.get("logout_uri");
		String redirectUri = params.get("redirect_uri");
		String target;
		if (logoutUri != null) {
			if (!client.signOutUrls().contains(logoutUri)) {
				return errorPage(400, "invalid_request", "The logout_uri is not an allowed sign-out URL of the app client.");
			}
			target = logoutUri;
		}
		else if (redirectUri != null && client.callbackUrls().contains(redirectUri)) {
			// The sign-in-again variant: end the session, then show the login form.
			target = "/oauth2/authorize?" + request.getUrl().substring(request.getUrl().indexOf('?') + 1);
		}
		else {
			return errorPage(400, "invalid_request", "Required String parameter 'logout_uri' is not present.");
		}
		this.store.endSessions(cookie(request, SESSION_COOKIE));
		return response(302).withHeader("Location", target)
			.withHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
			.build();
	}

	private static String s256(String verifier) {
		if (verifier == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
