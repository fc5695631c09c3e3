package io.github.cognitosso.autoconfigure.servlet.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under test: an ordinary Boot application with the starter's
 * auto-configuration and a few endpoints that show what a controller sees of the
 * signed-in Cognito user.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
class LoginTestApplication {

	@RestController
	static class UserController {

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal OidcUser user, Authentication authentication) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", authentication.getName());
			body.put("email", user.getEmail());
			body.put("emailVerified", user.getEmailVerified());
			List<String> groups = user.getClaimAsStringList("cognito:groups");
			body.put("groups", (groups != null) ? groups : List.of());
			List<String> authorities = new ArrayList<>();
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				authorities.add(authority.getAuthority());
			}
			body.put("authorities", authorities);
			body.put("attributes", new ArrayList<>(user.getAttributes().keySet()));
			return body;
		}

		/** The caller as one type, for browser users and bearer-token callers alike. */
		@GetMapping("/caller")
		Map<String, Object> caller(CognitoAuthentication caller) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", caller.getName());
			body.put("username", caller.getUsername().orElse(null));
			body.put("groups", caller.getGroups());
			body.put("scopes", caller.getScopes());
			body.put("clientId", caller.getClientId().orElse(null));
			body.put("tokenUse", caller.getTokenUse().claimValue());
			body.put("machine", caller.isMachine());
			body.put("email", caller.getClaims().get("email"));
			return body;
		}

		@GetMapping("/users-only")
		@PreAuthorize("!authentication.machine")
		String usersOnly() {
			return "users only";
		}

		@GetMapping("/csrf")
		Map<String, String> csrf(CsrfToken token) {
			return Map.of("parameterName", token.getParameterName(), "token", token.getToken());
		}

		/**
		 * Uses the signed-in user's access token, as a call to a downstream API would.
		 */
		@GetMapping("/token")
		Map<String, String> token(@RegisteredOAuth2AuthorizedClient("cognito") OAuth2AuthorizedClient client) {
			return Map.of("accessToken", client.getAccessToken().getTokenValue(), "scopes",
					String.join(" ", client.getAccessToken().getScopes()));
		}

		@GetMapping("/admin")
		@PreAuthorize("hasRole('admin')")
		String admin() {
			return "admin area";
		}

	}

}
