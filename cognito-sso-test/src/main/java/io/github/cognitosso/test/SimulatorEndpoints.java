package io.github.cognitosso.test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

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

	private final SecureRandom random = new SecureRandom();

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

	private final Set<String> revokedOrigins = ConcurrentHashMap.newKeySet();

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	SimulatorEndpoints(CognitoSimulator simulator) {
		this.simulator = simulator;
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
		this.refreshTokens.entrySet().removeIf((entry) -> {
			if (!entry.getValue().username().equals(username)) {
				return false;
			}
			this.revokedOrigins.add(entry.getValue().origin());
			return true;
		});
		this.sessions.values().removeIf(username::equals);
	}

	int activeSessions() {
		return this.sessions.size();
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
		Map<String, String> params = queryParameters(request);
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
		String signedIn = sessionUser(request);
		if (signedIn != null) {
			// Cognito's hosted UI session: a signed-in browser gets a code without seeing the form again.
			return issueCode(signedIn, params, null);
		}
		return loginForm(params, null, 200);
	}

	private ResponseDefinition login(Request request) {
		Map<String, String> params = queryParameters(request);
		Map<String, String> form = formParameters(request);
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
		String session = randomToken(24);
		this.sessions.put(session, user.username());
		return issueCode(user.username(), params, SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
	}

	private ResponseDefinition issueCode(String username, Map<String, String> params, String setCookie) {
		String code = randomToken(24);
		this.codes.put(code,
				new AuthorizationCode(params.get("client_id"), params.get("redirect_uri"), username,
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
		return response(status).withHeader("Content-Type", "text/html;charset=utf-8").withBody(html).build();
	}

	// --- /oauth2/token

	private ResponseDefinition token(Request request) {
		Map<String, String> form = formParameters(request);
		ClientCredentials credentials = clientCredentials(request, form);
		if (credentials == null) {
			return oauthError("invalid_client");
		}
		SimulatedClient client = this.simulator.findClient(credentials.clientId()).orElse(null);
		if (client == null) {
			return oauthError("invalid_client");
		}
		if (client.isConfidential() && !client.clientSecret().equals(credentials.secret())) {
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
		AuthorizationCode code = (form.get("code") != null) ? this.codes.remove(form.get("code")) : null;
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
		String origin = randomToken(12);
		String refreshToken = randomToken(96);
		Instant authTime = this.simulator.clock().instant();
		this.refreshTokens.put(refreshToken,
				new RefreshGrant(client.clientId(), user.username(), code.scopes(), origin, authTime));
		return json(200, userTokens(client, user, code.scopes(), code.nonce(), origin, authTime, refreshToken));
	}

	private ResponseDefinition refreshTokenGrant(SimulatedClient client, Map<String, String> form) {
		String presented = form.get("refresh_token");
		RefreshGrant grant = (presented != null) ? this.refreshTokens.get(presented) : null;
		if (grant == null || !grant.clientId().equals(client.clientId())) {
			return oauthError("invalid_grant");
		}
		SimulatedUser user = this.simulator.findUser(grant.username()).orElse(null);
		if (user == null) {
			return oauthError("invalid_grant");
		}
		String newRefreshToken = null;
		if (client.refreshTokenRotation()) {
			this.refreshTokens.remove(presented);
			newRefreshToken = randomToken(96);
			this.refreshTokens.put(newRefreshToken, grant);
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
				|| this.revokedOrigins.contains(String.valueOf(claims.getClaim("origin_jti")))) {
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
		Map<String, String> form = formParameters(request);
		ClientCredentials credentials = clientCredentials(request, form);
		SimulatedClient client = (credentials != null) ? this.simulator.findClient(credentials.clientId()).orElse(null)
				: null;
		if (client == null || (client.isConfidential() && !client.clientSecret().equals(credentials.secret()))) {
			return oauthError("invalid_client");
		}
		String token = form.get("token");
		if (token == null) {
			return oauthError("invalid_request");
		}
		RefreshGrant grant = this.refreshTokens.get(token);
		if (grant != null) {
			if (!grant.clientId().equals(client.clientId())) {
				return oauthError("unauthorized_client");
			}
			this.refreshTokens.remove(token);
			// Revoking a refresh token also invalidates the access tokens issued from it.
			this.revokedOrigins.add(grant.origin());
		}
		return response(200).build();
	}

	// --- /logout

	private ResponseDefinition logout(Request request) {
		Map<String, String> params = queryParameters(request);
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
		Cookie session = request.getCookies().get(SESSION_COOKIE);
		if (session != null) {
			session.getValues().forEach(this.sessions::remove);
		}
		return response(302).withHeader("Location", target)
			.withHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
			.build();
	}

	// --- helpers

	private String sessionUser(Request request) {
		Cookie cookie = request.getCookies().get(SESSION_COOKIE);
		if (cookie == null) {
			return null;
		}
		for (String value : cookie.getValues()) {
			String user = this.sessions.get(value);
			if (user != null) {
				return user;
			}
		}
		return null;
	}

	private ClientCredentials clientCredentials(Request request, Map<String, String> form) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon < 0) {
					return null;
				}
				return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
						URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		String clientId = form.get("client_id");
		return (clientId != null) ? new ClientCredentials(clientId, form.get("client_secret")) : null;
	}

	private static Map<String, String> queryParameters(Request request) {
		Map<String, String> params = new LinkedHashMap<>();
		String query = URI.create(request.getUrl()).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				params.putIfAbsent(name, value);
			}
		}
		return params;
	}

	private static Map<String, String> formParameters(Request request) {
		Map<String, String> form = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, FormParameter> entry : request.formParameters().entrySet()) {
				form.put(entry.getKey(), entry.getValue().firstValue());
			}
		}
		catch (RuntimeException ex) {
			// Not a form body: treated as no parameters, which every endpoint reports as invalid_request.
		}
		return form;
	}

	private static List<String> scopes(String scope) {
		List<String> scopes = new ArrayList<>();
		if (scope != null) {
			for (String s : scope.trim().split("[\\s+]+")) {
				if (!s.isEmpty()) {
					scopes.add(s);
				}
			}
		}
		return scopes;
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

	private String randomToken(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static ResponseDefinitionBuilder response(int status) {
		return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Cache-Control", "no-store");
	}

	private static ResponseDefinition json(int status, Map<String, ?> body) {
		return response(status).withHeader("Content-Type", "application/json;charset=UTF-8")
			.withBody(JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(body)))
			.build();
	}

	/** Cognito's token and revocation endpoints answer every OAuth error with HTTP 400 and a JSON error code. */
	private static ResponseDefinition oauthError(String error) {
		return json(400, Map.of("error", error));
	}

	private static ResponseDefinition bearerError(String error, String description) {
		return response(401).withHeader("WWW-Authenticate",
				"Bearer error=\"" + error + "\", error_description=\"" + description + "\"")
			.withHeader("Content-Type", "application/json;charset=UTF-8")
			.withBody(JSONObjectUtils.toJSONString(new LinkedHashMap<>(Map.of("error", error, "error_description", description))))
			.build();
	}

	private static ResponseDefinition redirectWithError(String redirectUri, String error, String state) {
		StringJoiner query = new StringJoiner("&");
		query.add("error=" + error);
		if (state != null) {
			query.add("state=" + encode(state));
		}
		return response(302).withHeader("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + query)
			.build();
	}

	private static ResponseDefinition errorPage(int status, String error, String description) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head><body>"
				+ "<h1>An error was encountered with the requested page.</h1><p id=\"error\">" + escapeHtml(error)
				+ ": " + escapeHtml(description) + "</p></body></html>";
		return response(status).withHeader("Content-Type", "text/html;charset=utf-8").withBody(html).build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String escapeHtml(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private record AuthorizationCode(String clientId, String redirectUri, String username, List<String> scopes,
			String codeChallenge, String nonce, Instant expiresAt) {
	}

	private record RefreshGrant(String clientId, String username, List<String> scopes, String origin,
			Instant authTime) {
	}

	private record ClientCredentials(String clientId, String secret) {
	}

}
