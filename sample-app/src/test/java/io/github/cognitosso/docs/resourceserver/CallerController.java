package io.github.cognitosso.docs.resourceserver;

import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling: the same type for a bearer-token caller and a browser user.
 */
@RestController
class CallerController {

	// tag::caller[]
	@GetMapping("/me")
	Map<String, Object> me(CognitoAuthentication caller) {
		return Map.of("name", caller.getName(), // a user's username; a machine's
												// client:<client_id>
				"username", caller.getUsername(), // Optional: empty for a machine
				"groups", caller.getGroups(), // Cognito group names, unmapped
				"scopes", caller.getScopes(), "client", caller.getClientId(), // client_id
																				// (access
																				// token)
																				// or aud
																				// (ID
																				// token)
				"tokenUse", caller.getTokenUse(), // ACCESS or ID (ID for a browser user)
				"machine", caller.isMachine()); // client-credentials token: sub =
												// client_id, no username
	}
	// end::caller[]

}
