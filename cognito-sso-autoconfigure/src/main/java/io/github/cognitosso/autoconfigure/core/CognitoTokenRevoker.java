package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.core.BrowserSessionEvent;
import io.github.cognitosso.autoconfigure.core.CognitoCalls;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Revokes a refresh token at Cognito's {@code /oauth2/revoke} endpoint, which also
 * invalidates every access and ID token minted from it. Logging out of the application
 * and of Cognito's managed login leaves a refresh token valid for its whole lifetime (30
 * days by default) unless it is revoked.
 * <p>
 * Client authentication follows Cognito's rules for this endpoint: a confidential client
 * always uses HTTP Basic (even when it posts its secret to the token endpoint), a public
 * client sends its {@code client_id} in the form.
 */
public class CognitoTokenRevoker {

	private final URI revocationEndpoint;

	private final RestClient restClient;

	private Supplier<CognitoInstrumentation> instrumentation = () -> CognitoInstrumentation.NONE;

	/**
	 * @param revocationEndpoint Cognito's {@code /oauth2/revoke} URL
	 * @param timeout connect and read timeout of the call
	 */
	public CognitoTokenRevoker(URI revocationEndpoint, Duration timeout) {
		this(revocationEndpoint, CognitoHttpClients.revocationEndpoint(timeout));
	}

	/**
	 * @param revocationEndpoint Cognito's {@code /oauth2/revoke} URL
	 * @param restClient the client to call it with, with timeouts; its status handler
	 * should turn error answers into {@link OAuth2AuthorizationException}s
	 */
	public CognitoTokenRevoker(URI revocationEndpoint, RestClient restClient) {
		this.revocationEndpoint = Objects.requireNonNull(revocationEndpoint, "revocationEndpoint");
		this.restClient = Objects.requireNonNull(restClient, "restClient");
	}

	/**
	 * @param registration the app client the token was issued to
	 * @param refreshToken the refresh token to revoke
	 * @throws OAuth2AuthorizationException when Cognito does not confirm the revocation;
	 * its error carries Cognito's error code when there is one, and never the token
	 */
	public void revoke(ClientRegistration registration, String refreshToken) {
		CognitoCalls.observe(this.instrumentation.get(), "revoke", BrowserSessionEvent.REVOCATION, () -> {
			send(registration, refreshToken);
			return null;
		});
	}

	/**
	 * @param instrumentation where each revocation is observed and its outcome reported
	 * (set by the auto-configuration)
	 */
	public void setInstrumentation(Supplier<CognitoInstrumentation> instrumentation) {
		this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
	}

	private void send(ClientRegistration registration, String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", refreshToken);
		form.add("client_id", registration.getClientId());
		try {
			this.restClient.post()
				.uri(this.revocationEndpoint)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					if (StringUtils.hasText(registration.getClientSecret())) {
						// RFC 6749 2.3.1: id and secret are form-encoded before they are
						// joined and base64-encoded.
						headers.setBasicAuth(formEncode(registration.getClientId()),
								formEncode(registration.getClientSecret()));
					}
				})
				.body(form)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException ex) {
			throw new OAuth2AuthorizationException(
					new OAuth2Error("revocation_failed", "The revocation request failed", null), ex);
		}
	}

	/**
	 * @return the endpoint tokens are revoked at
	 */
	public URI getRevocationEndpoint() {
		return this.revocationEndpoint;
	}

	private static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
