package io.github.cognitosso.autoconfigure.reactive.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The application's machine-to-machine clients ({@code cognito.client-credentials.*}) on
 * {@link WebClient}: the same clients, tokens and rules as
 * {@link CognitoClientCredentials} (which they share: a token fetched for the
 * {@code RestClient} serves the {@code WebClient} too), never blocking the calling
 * thread.
 * <p>
 * Three ways to use a client, by name ({@value CognitoClientCredentials#DEFAULT_CLIENT}
 * for the one configured directly under {@code cognito.client-credentials}):
 * <pre class="code">
 * WebClient orders = m2m.webClient("default");                       // pre-built, base-url applied
 * WebClient inventory = builder.clone().apply(m2m.customizer("inventory")).build();
 * WebClient other = WebClient.builder().filter(m2m.filter("inventory")).build();
 * </pre>
 */
public final class CognitoReactiveClientCredentials {

	private final CognitoClientCredentials clients;

	private final Map<String, ClientCredentialsExchangeFilter> filters;

	private final Map<String, WebClient> webClients;

	CognitoReactiveClientCredentials(CognitoClientCredentials clients, WebClient.Builder builder,
			Scheduler blockingScheduler) {
		this.clients = clients;
		Map<String, ClientCredentialsExchangeFilter> filters = new LinkedHashMap<>();
		Map<String, WebClient> webClients = new LinkedHashMap<>();
		for (String name : clients.clientNames()) {
			ClientCredentialsExchangeFilter filter = new ClientCredentialsExchangeFilter(clients, name,
					blockingScheduler);
			filters.put(name, filter);
			// A copy: the builder may be the application's, shared with other clients.
			WebClient.Builder own = builder.clone();
			customize(name, filter, own);
			webClients.put(name, own.build());
		}
		this.filters = filters;
		this.webClients = webClients;
	}

	/**
	 * @return the names of the configured clients, the default one first
	 */
	public Set<String> clientNames() {
		return this.filters.keySet();
	}

	/**
	 * @param clientName the client's name
	 * @return the client's pre-built {@link WebClient} (from a copy of the context's
	 * {@code WebClient.Builder}), with its filter and base URL
	 * @throws IllegalArgumentException when no client has that name
	 */
	public WebClient webClient(String clientName) {
		filter(clientName);
		return this.webClients.get(clientName);
	}

	/**
	 * @param clientName the client's name
	 * @return a filter that sends the client's token to its trusted origins and renews it
	 * once when the API rejects it
	 * @throws IllegalArgumentException when no client has that name
	 */
	public ExchangeFilterFunction filter(String clientName) {
		ClientCredentialsExchangeFilter filter = this.filters.get(clientName);
		if (filter == null) {
			// The servlet-side lookup names the configured clients.
			this.clients.tokenSource(clientName);
			throw new IllegalArgumentException("No Cognito M2M client named '" + clientName + "'");
		}
		return filter;
	}

	/**
	 * @param clientName the client's name
	 * @return a customizer for {@link WebClient.Builder#apply(Consumer)} that adds the
	 * client's filter and, when configured, its base URL (pass a {@code clone()} of a
	 * builder that is shared)
	 * @throws IllegalArgumentException when no client has that name
	 */
	public Consumer<WebClient.Builder> customizer(String clientName) {
		ExchangeFilterFunction filter = filter(clientName);
		return (builder) -> customize(clientName, filter, builder);
	}

	private void customize(String clientName, ExchangeFilterFunction filter, WebClient.Builder builder) {
		this.clients.baseUrl(clientName).ifPresent(builder::uriBuilderFactory);
		builder.filter(filter);
	}

	@Override
	public String toString() {
		return "CognitoReactiveClientCredentials" + this.filters.keySet();
	}

}
