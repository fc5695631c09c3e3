package io.github.cognitosso.sample.reactive;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Pages for signed-in users, as in the servlet sample: the profile, which shows what the
 * sign-in brought (the ID token, the access token and the authorities Spring Security
 * made of them), and an admin page for group admin.
 */
@RestController
class ProfileController {

	private final Clock clock;

	ProfileController(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfUnique(Clock::systemDefaultZone);
	}

	/**
	 * @param cognito the tokens of this browser session's sign-in (refreshed when the
	 * access token has expired)
	 */
	@GetMapping(path = "/me", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> me(@AuthenticationPrincipal OidcUser user, Authentication authentication,
			@RegisteredOAuth2AuthorizedClient("cognito") OAuth2AuthorizedClient cognito, ServerWebExchange exchange) {
		List<String> groups = (user.getClaimAsStringList("cognito:groups") != null)
				? user.getClaimAsStringList("cognito:groups") : List.of();
		List<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
		StringBuilder body = new StringBuilder("<h1>My profile</h1>\n<dl class=\"facts\">\n");
		body.append("<dt>Username</dt><dd id=\"username\">")
			.append(Pages.escape(authentication.getName()))
			.append("</dd>\n");
		body.append("<dt>Email</dt><dd id=\"email\">").append(Pages.escape(user.getEmail())).append("</dd>\n");
		body.append("<dt>Groups</dt><dd id=\"groups\">")
			.append(groups.isEmpty() ? "none" : Pages.escape(String.join(", ", groups)))
			.append("</dd>\n");
		body.append("<dt>Authorities</dt><dd id=\"authorities\">")
			.append(Pages.escape(String.join(", ", authorities)))
			.append("</dd>\n</dl>\n");
		body.append("<p class=\"note\">Cognito lists the user's groups in the <code>cognito:groups</code> claim. ")
			.append("The starter turns each group into a role (<code>ROLE_</code>group, so ")
			.append("<code>hasRole(\"admin\")</code> means group admin) and each granted scope into a ")
			.append("<code>SCOPE_</code> authority; <code>cognito.authorities.*</code> changes the mapping. ")
			.append("Spring Security adds <code>OIDC_USER</code> to every OpenID Connect sign-in.</p>\n");
		body.append("<div class=\"tokens\">\n")
			.append(idToken(user.getIdToken()))
			.append(accessToken(cognito))
			.append("</div>\n");
		return Pages.page(exchange, "My profile", body.toString());
	}

	private String idToken(OidcIdToken idToken) {
		return "<section>\n<h2>ID token</h2>\n<p class=\"note\">Who signed in: Cognito issued it to this app "
				+ "(<code>aud</code>) and the starter verified it at sign-in.</p>\n"
				+ expiry("id-token-expiry", idToken.getExpiresAt())
				+ Pages.claimsTable("claims", idToken.getClaims(), this.clock) + "</section>\n";
	}

	private String accessToken(OAuth2AuthorizedClient cognito) {
		OAuth2AccessToken accessToken = cognito.getAccessToken();
		StringBuilder section = new StringBuilder("<section>\n<h2>Access token</h2>\n<p class=\"note\">What this ")
			.append("session may call: Cognito issued it with the granted scopes (<code>scope</code>) for APIs such ")
			.append("as <code>/api/hello</code>. ")
			.append((cognito.getRefreshToken() != null) ? "A refresh token (not shown) renews it when it expires."
					: "There is no refresh token.")
			.append("</p>\n");
		JWTClaimsSet claims;
		try {
			// For display only: Cognito sent it to this app over TLS, and the page makes
			// no decision on it.
			claims = JWTParser.parse(accessToken.getTokenValue()).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return section.append(expiry("access-token-expiry", accessToken.getExpiresAt()))
				.append("<p id=\"access-claims\">The access token is not a JWT, so it has no claims to show.</p>\n")
				.append("</section>\n")
				.toString();
		}
		Instant expiresAt = (claims.getExpirationTime() != null) ? claims.getExpirationTime().toInstant()
				: accessToken.getExpiresAt();
		return section.append(expiry("access-token-expiry", expiresAt))
			.append(Pages.claimsTable("access-claims", claims.getClaims(), this.clock))
			.append("</section>\n")
			.toString();
	}

	private String expiry(String id, Instant expiresAt) {
		if (expiresAt == null) {
			return "<p id=\"" + id + "\" class=\"expiry\">No expiry given.</p>\n";
		}
		return "<p id=\"" + id + "\" class=\"expiry\"><strong>" + Pages.escape(Pages.expiresIn(expiresAt, this.clock))
				+ "</strong> (" + Pages.escape(Pages.dateTime(expiresAt, this.clock)) + ")</p>\n";
	}

	@GetMapping(path = "/admin", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> admin(Authentication authentication, ServerWebExchange exchange) {
		return Pages.page(exchange, "Admin",
				"<h1>Admin</h1>\n<p id=\"admin\" class=\"lead\">Welcome, " + Pages.escape(authentication.getName())
						+ ": you are in the Cognito group admin.</p>\n<p class=\"note\">The security configuration "
						+ "limits this page to <code>hasRole(\"admin\")</code>; other users get the starter's 403 "
						+ "page.</p>\n");
	}

}
