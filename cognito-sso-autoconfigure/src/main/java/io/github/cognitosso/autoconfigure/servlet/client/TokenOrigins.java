package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The origins that receive one machine-to-machine client's token: the origin of its
 * {@code base-url} and those listed in its {@code token-origins}, nothing else. A URL the
 * application builds from a request (a {@code Host} header, a link in a response) can
 * then never carry the token to a host of someone else's choosing.
 * <p>
 * Entries with a placeholder ({@code http://localhost:${local.server.port}}) are resolved
 * at the first check, as {@link LateBaseUrl} resolves the base URL. A request to another
 * origin is logged once per origin, as a warning naming that origin (never the token);
 * beyond {@value #MAX_REPORTED} origins, only at debug level, so that requests to ever
 * new hosts cannot grow memory or flood the log.
 */
final class TokenOrigins {

	private static final Log logger = LogFactory.getLog(TokenOrigins.class);

	static final int MAX_REPORTED = 100;

	private final ClientCredentialsSettings settings;

	private final UnaryOperator<String> placeholders;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private volatile Set<Origin> resolved;

	TokenOrigins(ClientCredentialsSettings settings, UnaryOperator<String> placeholders) {
		this.settings = settings;
		this.placeholders = placeholders;
	}

	/**
	 * @param uri the URI of an outgoing request
	 * @return whether the request may carry the client's token; when not, the origin is
	 * reported (once)
	 * @throws CognitoConfigurationException when a placeholder of an entry is still
	 * unresolved
	 */
	boolean allows(URI uri) {
		Origin origin = Origin.of(uri);
		if (origin != null && origins().contains(origin)) {
			return true;
		}
		report(origin);
		return false;
	}

	private Set<Origin> origins() {
		Set<Origin> origins = this.resolved;
		if (origins == null) {
			origins = new LinkedHashSet<>();
			String prefix = this.settings.propertyPrefix();
			if (this.settings.baseUrl() != null) {
				String baseUrl = resolve(this.settings.baseUrl(), prefix + "base-url");
				origins.add(Origin.of(CognitoClientCredentialsPropertiesValidator.absoluteHttpUrl(baseUrl, prefix)));
			}
			for (String entry : this.settings.tokenOrigins()) {
				origins.add(CognitoClientCredentialsPropertiesValidator.origin(resolve(entry, prefix + "token-origins"),
						prefix));
			}
			origins = Set.copyOf(origins);
			this.resolved = origins;
		}
		return origins;
	}

	private String resolve(String value, String property) {
		if (!value.contains("${")) {
			return value;
		}
		try {
			return this.placeholders.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CognitoConfigurationException(property, value,
					"a placeholder is still unresolved at this call, so the client cannot tell where its token may "
							+ "go.",
					"Call the client only once the property is set (local.server.port exists once the application's "
							+ "web server has started), or set an absolute URL.");
		}
	}

	private void report(Origin origin) {
		String name = (origin != null) ? origin.toString() : "a URI without an http(s) host";
		boolean first = this.reported.size() < MAX_REPORTED && this.reported.add(name);
		if (!first) {
			if (logger.isDebugEnabled()) {
				logger.debug("Cognito M2M client '" + this.settings.name() + "' sent a request to " + name
						+ " without its access token.");
			}
			return;
		}
		if (logger.isWarnEnabled()) {
			logger.warn("Cognito M2M client '" + this.settings.name() + "' sent a request to " + name
					+ " without its access token: " + reason() + " Further requests there are not reported."
					+ ((this.reported.size() >= MAX_REPORTED)
							? " Requests to origins not reported yet are logged at DEBUG level from now on." : ""));
		}
	}

	private String reason() {
		String prefix = this.settings.propertyPrefix();
		List<String> trusted = new ArrayList<>();
		for (Origin origin : origins()) {
			trusted.add(origin.toString());
		}
		if (trusted.isEmpty()) {
			return "the client has neither " + prefix + "base-url nor " + prefix + "token-origins, so its token goes "
					+ "to no origin. Set " + prefix + "base-url to the API's base URL, or list the API's origin in "
					+ prefix + "token-origins.";
		}
		return "its token goes only to " + String.join(", ", trusted) + " (" + prefix + "base-url and " + prefix
				+ "token-origins). If this origin should receive it, add it to " + prefix + "token-origins.";
	}

	/**
	 * An RFC 6454 origin of an http(s) URI: scheme and host in lower case, the port made
	 * explicit.
	 */
	record Origin(String scheme, String host, int port) {

		/**
		 * @return the URI's origin, or {@code null} for a URI that is not absolute
		 * http(s) with a host
		 */
		static Origin of(URI uri) {
			if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			if (scheme.equals("http")) {
				port = (port != -1) ? port : 80;
			}
			else if (scheme.equals("https")) {
				port = (port != -1) ? port : 443;
			}
			else {
				return null;
			}
			return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
		}

		@Override
		public String toString() {
			boolean defaultPort = (this.scheme.equals("http") && this.port == 80)
					|| (this.scheme.equals("https") && this.port == 443);
			return this.scheme + "://" + this.host + (defaultPort ? "" : ":" + this.port);
		}

	}

}
