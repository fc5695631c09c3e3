package io.github.cognitosso.autoconfigure.servlet.client;

import java.io.IOException;

import io.github.cognitosso.autoconfigure.core.ClientCredentialsTokenSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Sends a machine-to-machine client's access token as {@code Authorization: Bearer} on
 * every request to an origin the client trusts ({@link TokenOrigins}); a request to any
 * other origin goes out as it is, without the token and without a token request. When the
 * API answers 401 with an RFC 6750 {@code invalid_token} challenge (what Spring Security
 * resource servers send for an expired token), the token is renewed once and the request
 * sent once more; a renewed token that is rejected again is not renewed a second time,
 * and the 401 reaches the caller.
 */
final class ClientCredentialsBearerInterceptor implements ClientHttpRequestInterceptor {

	private final ClientCredentialsTokenSource tokens;

	private final TokenOrigins origins;

	ClientCredentialsBearerInterceptor(ClientCredentialsTokenSource tokens, TokenOrigins origins) {
		this.tokens = tokens;
		this.origins = origins;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.origins.allows(request.getURI())) {
			return execution.execute(request, body);
		}
		OAuth2AccessToken token = this.tokens.accessToken();
		request.getHeaders().setBearerAuth(token.getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		if (!rejectsToken(response)) {
			return response;
		}
		OAuth2AccessToken renewed;
		try {
			renewed = this.tokens.renewAfterRejection(token);
		}
		catch (RuntimeException ex) {
			response.close();
			throw ex;
		}
		if (renewed == null) {
			return response;
		}
		response.close();
		request.getHeaders().setBearerAuth(renewed.getTokenValue());
		return execution.execute(request, body);
	}

	static boolean rejectsToken(ClientHttpResponse response) throws IOException {
		return ClientCredentialsTokenSource.rejectsToken(response.getStatusCode().value(),
				response.getHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Override
	public String toString() {
		return "Cognito M2M bearer interceptor for client '" + this.tokens.clientName() + "'";
	}

}
