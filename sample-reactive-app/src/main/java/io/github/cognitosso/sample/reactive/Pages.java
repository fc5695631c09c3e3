package io.github.cognitosso.sample.reactive;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Mono;

/**
 * The sample's HTML, as plain strings, the same as the servlet sample's: one layout for
 * every page (the app name, navigation, and who is signed in with a sign-out button), and
 * the pieces the pages share to show tokens. Every value goes through
 * {@link #escape(String)}: claims and attributes come from the identity provider.
 */
final class Pages {

	static final String APP_NAME = "cognito-sso sample";

	private static final Set<String> EPOCH_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
			Locale.ENGLISH);

	private static final AuthenticationTrustResolver TRUST_RESOLVER = new AuthenticationTrustResolverImpl();

	private Pages() {
	}

	/**
	 * @param exchange the current exchange: its user is in the header, its CSRF token in
	 * the sign-out form
	 * @param title the page title (the header adds the app name)
	 * @param body the page's HTML, already escaped
	 * @return the whole page
	 */
	static Mono<String> page(ServerWebExchange exchange, String title, String body) {
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		return signedInUser(exchange)
			.flatMap((user) -> csrf.map((token) -> header(user, token)).defaultIfEmpty(header(user, null)))
			.defaultIfEmpty(header(null, null))
			.map((header) -> "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
					+ " &middot; " + escape(APP_NAME)
					+ "</title>\n<link rel=\"stylesheet\" href=\"/css/sample.css\"></head>\n" + "<body>\n" + header
					+ "<main>\n" + body + "</main>\n<footer>Secured by Amazon Cognito "
					+ "through cognito-sso-starter.</footer>\n</body></html>\n");
	}

	/**
	 * @return the signed-in user, empty for an anonymous visitor
	 */
	static Mono<Authentication> signedInUser(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.filter((user) -> user.isAuthenticated() && !TRUST_RESOLVER.isAnonymous(user));
	}

	private static String header(Principal user, CsrfToken csrf) {
		StringBuilder header = new StringBuilder("<header>\n<a class=\"app-name\" href=\"/\">").append(escape(APP_NAME))
			.append("</a>\n<nav><a href=\"/\">Home</a> <a href=\"/me\">My profile</a> <a href=\"/admin\">Admin</a> ")
			.append("<a href=\"/m2m\">Machine to machine</a></nav>\n<div class=\"session\">");
		if (user != null) {
			header.append("<span id=\"signed-in-user\">")
				.append(escape(user.getName()))
				.append("</span> ")
				.append(signOutForm(csrf));
		}
		else {
			header.append("<a id=\"header-signin\" class=\"button\" href=\"/me\">Sign in</a>");
		}
		return header.append("</div>\n</header>\n").toString();
	}

	private static String signOutForm(CsrfToken csrf) {
		String token = (csrf != null) ? "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName())
				+ "\" value=\"" + escape(csrf.getToken()) + "\">" : "";
		return "<form id=\"signout\" method=\"post\" action=\"/logout\">" + token
				+ "<button id=\"signout-button\" type=\"submit\">Sign out</button></form>";
	}

	/**
	 * @return a two-column table of the claims, sorted by name; epoch times also as dates
	 * in the clock's zone
	 */
	static String claimsTable(String id, Map<String, Object> claims, Clock clock) {
		StringBuilder table = new StringBuilder("<table class=\"claims\" id=\"").append(escape(id))
			.append("\">\n<thead><tr><th>Claim</th><th>Value</th></tr></thead>\n<tbody>\n");
		for (Map.Entry<String, Object> claim : new TreeMap<>(claims).entrySet()) {
			table.append("<tr><th>")
				.append(escape(claim.getKey()))
				.append("</th><td>")
				.append(claimValue(claim.getKey(), claim.getValue(), clock))
				.append("</td></tr>\n");
		}
		return table.append("</tbody>\n</table>\n").toString();
	}

	private static String claimValue(String name, Object value, Clock clock) {
		Instant instant = instant(name, value);
		if (instant != null) {
			return escape(Long.toString(instant.getEpochSecond())) + " <span class=\"date\">("
					+ escape(dateTime(instant, clock)) + ")</span>";
		}
		if (value instanceof Collection<?> values) {
			return escape(values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		return escape(String.valueOf(value));
	}

	private static Instant instant(String name, Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Number seconds && EPOCH_CLAIMS.contains(name)) {
			return Instant.ofEpochSecond(seconds.longValue());
		}
		return null;
	}

	static String dateTime(Instant instant, Clock clock) {
		return DATE_TIME.format(ZonedDateTime.ofInstant(instant, clock.getZone()));
	}

	static String expiresIn(Instant expiry, Clock clock) {
		Duration left = Duration.between(clock.instant(), expiry);
		if (left.isNegative() || left.isZero()) {
			return "expired " + duration(left.negated()) + " ago";
		}
		return "expires in " + duration(left);
	}

	private static String duration(Duration duration) {
		if (duration.toMinutes() < 1) {
			return duration.toSeconds() + " s";
		}
		if (duration.toHours() < 2) {
			return duration.toMinutes() + " min";
		}
		if (duration.toDays() < 2) {
			return duration.toHours() + " h " + duration.toMinutesPart() + " min";
		}
		return duration.toDays() + " days";
	}

	static String escape(String value) {
		return HtmlUtils.htmlEscape((value != null) ? value : "");
	}

}
