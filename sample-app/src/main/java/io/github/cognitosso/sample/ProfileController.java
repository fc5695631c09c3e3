package io.github.cognitosso.sample;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages for signed-in users: the profile (what Cognito says about the user) and an admin page for group admin.
 */
@RestController
class ProfileController {

	@GetMapping(path = "/me", produces = MediaType.TEXT_HTML_VALUE)
	String me(@AuthenticationPrincipal OidcUser user, Authentication authentication, HttpServletRequest request) {
		StringBuilder body = new StringBuilder("<h1>My profile</h1>\n<dl>\n");
		body.append("<dt>Username</dt><dd id=\"username\">").append(Pages.escape(authentication.getName()))
			.append("</dd>\n");
		body.append("<dt>Email</dt><dd id=\"email\">").append(Pages.escape(user.getEmail())).append("</dd>\n");
		body.append("<dt>Groups</dt><dd id=\"groups\">")
			.append(Pages.escape(String.join(", ", user.getClaimAsStringList("cognito:groups") != null
					? user.getClaimAsStringList("cognito:groups") : java.util.List.of())))
			.append("</dd>\n");
		body.append("<dt>Authorities</dt><dd id=\"authorities\">")
			.append(Pages.escape(String.join(", ",
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())))
			.append("</dd>\n</dl>\n<h2>ID token claims</h2>\n<table id=\"claims\">\n");
		for (Map.Entry<String, Object> claim : new TreeMap<>(user.getClaims()).entrySet()) {
			body.append("<tr><th>").append(Pages.escape(claim.getKey())).append("</th><td>")
				.append(Pages.escape(String.valueOf(claim.getValue()))).append("</td></tr>\n");
		}
		body.append("</table>\n").append(Pages.signOutForm(request));
		return Pages.page("My profile", body.toString());
	}

	@GetMapping(path = "/admin", produces = MediaType.TEXT_HTML_VALUE)
	String admin(Authentication authentication, HttpServletRequest request) {
		return Pages.page("Admin", "<h1>Admin</h1>\n<p id=\"admin\">Welcome, " + Pages.escape(authentication.getName())
				+ ": you are in the Cognito group admin.</p>\n" + Pages.signOutForm(request));
	}

}
