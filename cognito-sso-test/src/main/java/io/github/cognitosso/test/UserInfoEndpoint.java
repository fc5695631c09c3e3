package io.github.cognitosso.test;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static io.github.cognitosso.test.RequestParameters.scopes;
import static io.github.cognitosso.test.SimulatorResponses.bearerError;
import static io.github.cognitosso.test.SimulatorResponses.json;

/**
 * {@code /oauth2/userInfo}: the user's attributes for a live access token with the
 * {@code openid} scope, with Cognito's string-typed {@code email_verified}; a revoked,
 * expired or ID token gets a bearer error.
 */
final class UserInfoEndpoint {

	private final CognitoSimulator simulator;

	private final SimulatorStore store;

	UserInfoEndpoint(CognitoSimulator simulator, SimulatorStore store) {
		this.simulator = simulator;
		this.store = store;
	}

	ResponseDefinition userInfo(Request request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return bearerError("invalid_request", "Access token is missing");
		}
		JWTClaimsSet claims = verify(authorization.substring(7).trim());
		if (claims == null || !"access".equals(claims.getClaim("token_use")) || claims.getExpirationTime() == null
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

}
