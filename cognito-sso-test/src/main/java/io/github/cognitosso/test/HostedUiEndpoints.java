package io.github.cognitosso.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.github.cognitosso.test.SimulatorStore.AuthorizationCode;

import static io.github.cognitosso.test.RequestParameters.cookie;
import static io.github.cognitosso.test.RequestParameters.form;
import static io.github.cognitosso.test.RequestParameters.query;
import static io.github.cognitosso.test.RequestParameters.scopes;
import static io.github.cognitosso.test.SimulatorResponses.encode;
import static io.github.cognitosso.test.SimulatorResponses.errorPage;
import static io.github.cognitosso.test.SimulatorResponses.escapeHtml;
import static io.github.cognitosso.test.SimulatorResponses.html;
import static io.github.cognitosso.test.SimulatorResponses.redirectWithError;
import static io.github.cognitosso.test.SimulatorResponses.response;

/**
 * The hosted UI: {@code GET /oauth2/authorize}, the login form it shows and the form's
 * {@code POST /login}. As Cognito's, callback URLs match exactly, public clients must
 * send a PKCE challenge, and a sign-in starts a session (cookie {@value #SESSION_COOKIE})
 * that makes the next authorize request silent until {@code /logout}.
 */
final class HostedUiEndpoints {

	static final String SESSION_COOKIE = "cognito";

	/** Cognito's authorization codes are valid for five minutes. */
	private static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

	private final CognitoSimulator simulator;

	private final SimulatorStore store;

	HostedUiEndpoints(CognitoSimulator simulator, SimulatorStore store) {
		this.simulator = simulator;
		this.store = store;
	}

	ResponseDefinition authorize(Request request) {
		Map<String, String> params = query(request);
		SimulatedClient client = this.simulator.findClient(params.get("client_id")).orElse(null);
		if (client == null) {
			return errorPage(400, "invalid_request", "Client does not exist.");
		}
		String redirectUri = params.get("redirect_uri");
		if (redirectUri == null || !client.callbackUrls().contains(redirectUri)) {
			return errorPage(400, "redirect_mismatch",
					"The redirect_uri is not an allowed callback URL of the app client.");
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
			// Cognito's hosted UI session: a signed-in browser gets a code without seeing
			// the form again.
			return issueCode(signedIn, params, null);
		}
		return loginForm(params, null, 200);
	}

	ResponseDefinition login(Request request) {
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
		String code = this.store.issueCode(new AuthorizationCode(params.get("client_id"), params.get("redirect_uri"),
				username, scopes(params.get("scope")), params.get("code_challenge"), params.get("nonce"),
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
				hidden.append("<input type=\"hidden\" name=\"")
					.append(name)
					.append("\" value=\"")
					.append(escapeHtml(params.get(name)))
					.append("\">\n");
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
				"""
			.formatted(escapeHtml(this.simulator.userPoolId()),
					(error != null) ? "<p id=\"error\" role=\"alert\">" + escapeHtml(error) + "</p>" : "", hidden);
		return html(status, html);
	}

}
