package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsTokenSource;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.github.cognitosso.autoconfigure.core.CognitoTokenEndpoint;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The application's machine-to-machine clients ({@code cognito.client-credentials.*}):
 * each gets access tokens from Cognito with the client credentials grant, caches them
 * until shortly before they expire, and attaches them to outgoing calls.
 * <p>
 * Three ways to use a client, by name ({@value #DEFAULT_CLIENT} for the one configured
 * directly under {@code cognito.client-credentials}): <pre class="code">
 * RestClient orders = m2m.restClient("default");                      // pre-built, base-url applied
 * RestClient inventory = builder.apply(m2m.customizer("inventory")).build();
 * RestClient other = RestClient.builder().requestInterceptor(m2m.interceptor("inventory")).build();
 * </pre> A client sends its token only to the origin of its {@code base-url} and to those
 * listed in its {@code token-origins}: a request to any other origin goes out without it
 * (and is logged once per origin).
 */
public final class CognitoClientCredentials {

	/**
	 * The name of the client configured directly under
	 * {@code cognito.client-credentials}.
	 */
	public static final String DEFAULT_CLIENT = "default";

	private final Map<String, Client> clients;

	CognitoClientCredentials(List<ClientCredentialsSettings> settings, Clock clock,
			Supplier<RestClient.Builder> restClientBuilders) {
		this(settings, clock, restClientBuilders, UnaryOperator.identity());
	}

	/**
	 * @param placeholders resolves the placeholders of a base URL (the environment's), at
	 * the first call
	 */
	CognitoClientCredentials(List<ClientCredentialsSettings> settings, Clock clock,
			Supplier<RestClient.Builder> restClientBuilders, UnaryOperator<String> placeholders) {
		Map<String, Client> clients = new LinkedHashMap<>();
		for (ClientCredentialsSettings client : settings) {
			ClientCredentialsTokenSource tokens = new ClientCredentialsTokenSource(client,
					CognitoTokenEndpoint.responseClient(client), clock);
			TokenOrigins origins = new TokenOrigins(client, placeholders);
			ClientCredentialsBearerInterceptor interceptor = new ClientCredentialsBearerInterceptor(tokens, origins);
			clients.put(client.name(),
					new Client(client, tokens, origins, interceptor, restClientBuilders.get(), placeholders));
		}
		this.clients = Collections.unmodifiableMap(clients);
	}

	/**
	 * @return the names of the configured clients, the default one first
	 */
	public Set<String> clientNames() {
		return this.clients.keySet();
	}

	/**
	 * @return the default client's current access token (see
	 * {@link #accessToken(String)})
	 */
	public OAuth2AccessToken accessToken() {
		return accessToken(DEFAULT_CLIENT);
	}

	/**
	 * For calls the interceptor cannot reach (gRPC, WebSocket, a message header...).
	 * @param clientName the client's name
	 * @return a token valid beyond the expiry margin, cached or freshly fetched
	 * @throws CognitoTokenException when Cognito does not issue a token
	 * @throws IllegalArgumentException when no client has that name
	 */
	public OAuth2AccessToken accessToken(String clientName) {
		return client(clientName).tokens.accessToken();
	}

	/**
	 * @return the default client's interceptor (see {@link #interceptor(String)})
	 */
	public ClientHttpRequestInterceptor interceptor() {
		return interceptor(DEFAULT_CLIENT);
	}

	/**
	 * @param clientName the client's name
	 * @return an interceptor that sends the client's token as
	 * {@code Authorization: Bearer} on every request to the client's base-url origin or
	 * one of its token-origins and, when the API rejects it as an invalid token, renews
	 * it once and retries once
	 * @throws IllegalArgumentException when no client has that name
	 */
	public ClientHttpRequestInterceptor interceptor(String clientName) {
		return client(clientName).interceptor;
	}

	/**
	 * @param clientName the client's name
	 * @return a customizer for {@link RestClient.Builder#apply(Consumer)} that adds the
	 * client's interceptor and, when configured, its base URL to the builder it is given
	 * (pass a {@code clone()} of a builder that is shared)
	 * @throws IllegalArgumentException when no client has that name
	 */
	public Consumer<RestClient.Builder> customizer(String clientName) {
		Client client = client(clientName);
		return client::customize;
	}

	/**
	 * @param clientName the client's name
	 * @return the client's {@link RestClient} (built at start-up, from a copy of the
	 * context's {@code RestClient.Builder} when there is one) with the client's
	 * interceptor and base URL
	 * @throws IllegalArgumentException when no client has that name
	 */
	public RestClient restClient(String clientName) {
		return client(clientName).restClient();
	}

	/**
	 * @param instrumentation where every client's token requests are observed and
	 * reported
	 */
	void instrument(CognitoInstrumentation instrumentation) {
		this.clients.values().forEach((client) -> client.tokens.setInstrumentation(instrumentation));
	}

	/**
	 * The client's token source, for a web adapter that sends the same tokens another way
	 * (the reactive {@code WebClient} filter): one token cache, one single-flight renewal
	 * and one back-off per client, whichever HTTP client calls. Not an application API:
	 * applications use {@link #accessToken(String)}.
	 * @param clientName the client's name
	 * @return the client's token source
	 * @throws IllegalArgumentException when no client has that name
	 */
	public ClientCredentialsTokenSource tokenSource(String clientName) {
		return client(clientName).tokens;
	}

	/**
	 * @param clientName the client's name
	 * @param uri the URI of an outgoing request
	 * @return whether the client sends its token there: the origin of its
	 * {@code base-url} or one of its {@code token-origins}; a request elsewhere is
	 * reported once per origin, as the interceptor does
	 * @throws IllegalArgumentException when no client has that name
	 */
	public boolean sendsTokenTo(String clientName, URI uri) {
		return client(clientName).origins.allows(uri);
	}

	/**
	 * @param clientName the client's name
	 * @return the client's {@code base-url} as a {@link UriBuilderFactory} (its
	 * placeholders resolved at the first call), for any HTTP client that takes one; empty
	 * when the client has none
	 * @throws IllegalArgumentException when no client has that name
	 */
	public Optional<UriBuilderFactory> baseUrl(String clientName) {
		return Optional.ofNullable(client(clientName).uriBuilderFactory());
	}

	private Client client(String clientName) {
		Client client = this.clients.get(clientName);
		if (client == null) {
			throw new IllegalArgumentException("No Cognito M2M client named '" + clientName + "'; configured: "
					+ this.clients.keySet() + " (the default client is configured directly under "
					+ "cognito.client-credentials, the others under cognito.client-credentials.clients.<name>)");
		}
		return client;
	}

	@Override
	public String toString() {
		return "CognitoClientCredentials" + this.clients.keySet();
	}

	private static final class Client {

		private final ClientCredentialsSettings settings;

		private final ClientCredentialsTokenSource tokens;

		private final TokenOrigins origins;

		private final ClientHttpRequestInterceptor interceptor;

		private final RestClient restClient;

		private final UnaryOperator<String> placeholders;

		Client(ClientCredentialsSettings settings, ClientCredentialsTokenSource tokens, TokenOrigins origins,
				ClientHttpRequestInterceptor interceptor, RestClient.Builder builder,
				UnaryOperator<String> placeholders) {
			this.settings = settings;
			this.tokens = tokens;
			this.origins = origins;
			this.interceptor = interceptor;
			this.placeholders = placeholders;
			// A copy: the builder may be an application's singleton bean, which would
			// otherwise hand this client's
			// interceptor and base URL to every RestClient built from it later, and to
			// the next client.
			RestClient.Builder own = builder.clone();
			customize(own);
			this.restClient = own.build();
		}

		void customize(RestClient.Builder builder) {
			String baseUrl = this.settings.baseUrl();
			if (baseUrl != null && baseUrl.contains("${")) {
				builder.uriBuilderFactory(uriBuilderFactory());
			}
			else if (baseUrl != null) {
				builder.baseUrl(baseUrl);
			}
			builder.requestInterceptor(this.interceptor);
		}

		UriBuilderFactory uriBuilderFactory() {
			String baseUrl = this.settings.baseUrl();
			if (baseUrl == null) {
				return null;
			}
			if (baseUrl.contains("${")) {
				return new LateBaseUrl(baseUrl, this.settings.propertyPrefix() + "base-url", this.placeholders);
			}
			return new DefaultUriBuilderFactory(baseUrl);
		}

		RestClient restClient() {
			return this.restClient;
		}

	}

}
