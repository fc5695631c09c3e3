package io.github.cognitosso.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.github.cognitosso.test.SimulatorStore.AuthorizationCode;
import io.github.cognitosso.test.SimulatorStore.RefreshGrant;

import static io.github.cognitosso.test.RequestParameters.form;
import static io.github.cognitosso.test.RequestParameters.scopes;
import static io.github.cognitosso.test.SimulatorResponses.json;
import static io.github.cognitosso.test.SimulatorResponses.oauthError;

/**
 * {@code POST /oauth2/token}: the authorization code grant (single-use codes bound to
 * client, redirect URI, PKCE challenge and nonce), the refresh token grant (with the
 * client's rotation setting) and the client credentials grant (custom scopes only), each
 * answering errors with Cognito's OAuth codes.
 */
final class TokenEndpoint {

	private static final Set<String> BUILT_IN_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	private final CognitoSimulator simulator;

	private final SimulatorStore store;

	private final ClientAuthentication clientAuthentication;

	TokenEndpoint(CognitoSimulator simulator, SimulatorStore store) {
		this.simulator = simulator;
		this.store = store;
		this.clientAuthentication = new ClientAuthentication(simulator);
	}

	ResponseDefinition token(Request request) {
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
		Instant now = this.simulator.clock().instant();
		RefreshGrant grant = this.store.pastGracePeriod(presented, now) ? null : this.store.refreshGrant(presented);
		if (grant == null || !grant.clientId().equals(client.clientId())) {
			return oauthError("invalid_grant");
		}
		SimulatedUser user = this.simulator.findUser(grant.username()).orElse(null);
		if (user == null) {
			return oauthError("invalid_grant");
		}
		String newRefreshToken = null;
		if (client.refreshTokenRotation()) {
			// Within the retry grace period the refresh token this one replaces still
			// works
			// (and rotates again), as in Cognito.
			Duration grace = client.refreshTokenRetryGracePeriod();
			newRefreshToken = this.store.rotateRefreshToken(presented, grant, grace.isZero() ? null : now.plus(grace));
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
		// As Cognito: tokens from a refresh keep the auth_time of the sign-in they
		// descend from.
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
