package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns every error answer of Cognito's token and revocation endpoints into an
 * {@link OAuth2AuthorizationException}, with the error read by the core's
 * {@link CognitoOAuthErrors}.
 * <p>
 * Spring Security's own handler reads the OAuth error body only on HTTP 400 (Cognito's
 * {@code invalid_client} comes with 401 and would lose its code) and lets an unreadable
 * 400 body escape as a conversion exception, which the login filter does not expect: the
 * user would see a server error instead of the login error page.
 */
final class CognitoErrorResponseHandler implements ResponseErrorHandler {

	private final String fallbackErrorCode;

	/**
	 * @param fallbackErrorCode the error code for answers that carry no OAuth error
	 */
	CognitoErrorResponseHandler(String fallbackErrorCode) {
		this.fallbackErrorCode = fallbackErrorCode;
	}

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError();
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		String description = "Cognito answered " + method + " " + url + " with HTTP "
				+ response.getStatusCode().value();
		throw new OAuth2AuthorizationException(
				CognitoOAuthErrors.translate(response, this.fallbackErrorCode, description));
	}

}
