package io.github.cognitosso.sample;

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

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The sample's HTML, as plain strings: one layout for every page (the app name,
 * navigation, and who is signed in with a sign-out button), and the pieces the pages
 * share to show tokens. Every value goes through {@link #escape(String)}: claims and
 * attributes come from the identity provider, not from this app.
 */
final class Pages {

	static final String APP_NAME = "cognito-sso sample";

	/**
	 * The JWT claims that hold seconds since the epoch (RFC 7519 and OpenID Connect's
	 * {@code auth_time}).
	 */
	private static final Set<String> EPOCH_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
			Locale.ENGLISH);

	private static final AuthenticationTrustResolver TRUST_RESOLVER = new AuthenticationTrustResolverImpl();

	private Pages() {
	}

	/**
	 * @param request the current request: its CSRF token goes into the sign-out form
	 * @param title the page title (the header adds the app name)
	 * @param body the page's HTML, already escaped
	 * @return the whole page
	 */
	static String page(HttpServletRequest request, String title, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
				+ " &middot; " + escape(APP_NAME)
				+ "</title>\n<link rel=\"stylesheet\" href=\"/css/sample.css\"></head>\n" + "<body>\n" + header(request)
				+ "<main>\n" + body + "</main>\n<footer>Secured by Amazon Cognito "
				+ "through cognito-sso-starter.</footer>\n</body></html>\n";
	}

	/**
	 * @return the signed-in user, or {@code null} for an anonymous visitor
	 */
	static Authentication signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !TRUST_RESOLVER.isAnonymous(authentication)) ? authentication : null;
	}

	private static String header(HttpServletRequest request) {
		StringBuilder header = new StringBuilder("<header>\n<a class=\"app-name\" href=\"/\">").append(escape(APP_NAME))
			.append("</a>\n<nav><a href=\"/\">Home</a> <a href=\"/me\">My profile</a> <a href=\"/admin\">Admin</a> ")
			.append("<a href=\"/m2m\">Machine to machine</a></nav>\n<div class=\"session\">");
		Authentication user = signedInUser();
		if (user != null) {
			header.append("<span id=\"signed-in-user\">")
				.append(escape(user.getName()))
				.append("</span> ")
				.append(signOutForm(request));
		}
		else {
			header.append("<a id=\"header-signin\" class=\"button\" href=\"/me\">Sign in</a>");
		}
		return header.append("</div>\n</header>\n").toString();
	}

	private static String signOutForm(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = (csrf != null) ? "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName())
				+ "\" value=\"" + escape(csrf.getToken()) + "\">" : "";
		return "<form id=\"signout\" method=\"post\" action=\"/logout\">" + token
				+ "<button id=\"signout-button\" type=\"submit\">Sign out</button></form>";
	}

	/**
	 * @param id the table's element id
	 * @param claims a token's claims, shown sorted by name; epoch times also as dates in
	 * the clock's zone
	 * @return a two-column table of the claims
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

	/**
	 * Spring Security reads ID token times as {@link Instant}, Nimbus as {@link Date},
	 * {@code auth_time} as a number.
	 */
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

	/**
	 * @return the instant as a date and time in the clock's zone, e.g.
	 * {@code 2025-06-01 14:03:12 CEST}
	 */
	static String dateTime(Instant instant, Clock clock) {
		return DATE_TIME.format(ZonedDateTime.ofInstant(instant, clock.getZone()));
	}

	/**
	 * @return how long until the expiry from the clock's now, e.g.
	 * {@code expires in 58 min} or {@code expired 3 min ago}
	 */
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
