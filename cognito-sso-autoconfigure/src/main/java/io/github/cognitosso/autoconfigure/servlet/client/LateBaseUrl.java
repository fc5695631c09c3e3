package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;

/**
 * A client's base URL whose placeholders are resolved at the first call, not at start-up:
 * {@code http://localhost:${local.server.port}} names the port of the application's own
 * server, known only once that server has started (after every bean, the
 * {@code cognitoRestClient} included, was created). Once resolved it stays: the resolved
 * URL is checked like any base URL and kept.
 */
final class LateBaseUrl implements UriBuilderFactory {

	private final String template;

	private final String property;

	private final UnaryOperator<String> placeholders;

	private volatile UriBuilderFactory resolved;

	LateBaseUrl(String template, String property, UnaryOperator<String> placeholders) {
		this.template = template;
		this.property = property;
		this.placeholders = placeholders;
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		return factory().expand(uriTemplate, uriVariables);
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		return factory().expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return factory().uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return factory().builder();
	}

	private UriBuilderFactory factory() {
		UriBuilderFactory factory = this.resolved;
		if (factory == null) {
			String baseUrl;
			try {
				baseUrl = this.placeholders.apply(this.template);
			}
			catch (IllegalArgumentException ex) {
				throw new CognitoConfigurationException(this.property, this.template,
						"a placeholder of the base URL is still unresolved at this call.",
						"Call the client only once the property is set (local.server.port exists once the "
								+ "application's web server has started), or set an absolute URL.");
			}
			// Checked as a base URL without placeholders is checked at start-up.
			CognitoClientCredentialsPropertiesValidator.absoluteHttpUrl(baseUrl,
					this.property.replaceFirst("base-url$", ""));
			factory = new DefaultUriBuilderFactory(baseUrl);
			this.resolved = factory;
		}
		return factory;
	}

}
