package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;

/**
 * One machine-to-machine client after inheritance and validation: everything needed to
 * ask Cognito's token endpoint for an access token. {@link #toString()} leaves the secret
 * out.
 * <p>
 * Public for the web adapters ({@code servlet.client} now, a reactive one next); not an
 * application API: applications use {@code CognitoClientCredentials}.
 *
 * @param name the client's name: {@code default} or a key of
 * {@code cognito.client-credentials.clients}
 * @param propertyPrefix where the client's own properties live, for messages, e.g.
 * {@code cognito.client-credentials.clients.inventory.}
 * @param clientId the app client id
 * @param clientSecret the app client secret
 * @param scopes the custom scopes to request, possibly empty
 * @param authenticationMethod how the client authenticates at the token endpoint
 * @param expiryMargin how long before expiry a cached token is replaced
 * @param tokenConnectTimeout connect timeout of token requests
 * @param tokenReadTimeout read timeout of token requests
 * @param tokenFailureBackoff how long calls fail fast after a first failed token request
 * @param tokenFailureBackoffMax the longest back-off after failed token requests in a row
 * @param tokenUri Cognito's token endpoint
 * @param baseUrl base URL of the API this client calls, or {@code null}: an absolute
 * http(s) URL, or one with a placeholder that is resolved at the first call
 * ({@code http://localhost:${local.server.port}})
 * @param tokenOrigins further origins that receive the token (besides the base URL's), as
 * configured: each an origin ({@code https://reports.example.com}) or one with a
 * placeholder that is resolved at the first call
 */
public record ClientCredentialsSettings(String name, String propertyPrefix, String clientId, String clientSecret,
		List<String> scopes, ClientAuthenticationMethod authenticationMethod, Duration expiryMargin,
		Duration tokenConnectTimeout, Duration tokenReadTimeout, Duration tokenFailureBackoff,
		Duration tokenFailureBackoffMax, URI tokenUri, String baseUrl, List<String> tokenOrigins) {

	public ClientCredentialsSettings {
		scopes = List.copyOf(scopes);
		tokenOrigins = List.copyOf(tokenOrigins);
	}

	@Override
	public String toString() {
		return "ClientCredentialsSettings{name=" + this.name + ", clientId=" + this.clientId + ", scopes=" + this.scopes
				+ ", authenticationMethod=" + this.authenticationMethod + ", tokenUri=" + this.tokenUri + "}";
	}

}
