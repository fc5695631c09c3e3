package io.github.cognitosso.sample.reactive;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's API, with the same JSON bodies as the servlet sample: Cognito access
 * tokens in {@code Authorization: Bearer}, from users or machines. {@code /api/admin} is
 * limited to group admin by the security configuration.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class ApiController {

	@GetMapping("/hello")
	Map<String, Object> hello(CognitoAuthentication caller) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Hello, " + caller.getName());
		body.put("caller", caller.getName());
		body.put("machine", caller.isMachine());
		body.put("clientId", caller.getClientId().orElse(null));
		body.put("groups", caller.getGroups());
		body.put("scopes", caller.getScopes());
		return body;
	}

	@GetMapping("/admin")
	Map<String, Object> admin(CognitoAuthentication caller) {
		return Map.of("message", "Hello, admin " + caller.getName(), "groups", caller.getGroups());
	}

}
