package io.github.cognitosso.docs.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/login.md, "What the application sees".
 */
@RestController
class ProfileController {

	// tag::me[]
	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
		// Map.of refuses null values: a user in no group has no cognito:groups, and a
		// user may have no email.
		List<String> groups = user.getClaimAsStringList("cognito:groups");
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("name", user.getName()); // cognito:username
										// (cognito.login.user-name-attribute)
		me.put("email", user.getEmail());
		me.put("groups", (groups != null) ? groups : List.of());
		return me;
	}
	// end::me[]

	// tag::admin[]
	@PreAuthorize("hasRole('admin')")
	@GetMapping("/admin")
	String admin(Authentication authentication) {
		return "Welcome, " + authentication.getName();
	}
	// end::admin[]

}
