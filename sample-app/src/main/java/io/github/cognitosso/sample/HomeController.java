package io.github.cognitosso.sample;

import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public home page: shows which user pool the application is wired to.
 */
@RestController
class HomeController {

	private final ObjectProvider<CognitoEndpoints> endpoints;

	HomeController(ObjectProvider<CognitoEndpoints> endpoints) {
		this.endpoints = endpoints;
	}

	@GetMapping(path = "/", produces = "application/json")
	Map<String, Object> home() {
		CognitoEndpoints cognito = this.endpoints.getIfAvailable();
		if (cognito == null) {
			return Map.of("application", "cognito-sso sample", "cognito", "not configured");
		}
		return Map.of("application", "cognito-sso sample", "userPool", cognito.userPoolId(), "issuer",
				cognito.issuer().toString());
	}

}
