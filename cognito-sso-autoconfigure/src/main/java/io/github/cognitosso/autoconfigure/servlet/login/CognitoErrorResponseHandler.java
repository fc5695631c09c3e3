package io.github.cognitosso.autoconfigure.servlet.login;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns every error answer of Cognito's token and revocation endpoints into an
 * {@link OAuth2AuthorizationException}.
 * <p>
 * Spring Security's own handler reads the OAuth error body only on HTTP 400 (Cognito's
 * {@code invalid_client} comes with 401 and would lose its code) and lets an unreadable
 * 400 body escape as a conversion exception, which the login filter does not expect: the
 * user would see a server error instead of the login error page.
 */
final class CognitoErrorResponseHandler implements ResponseErrorHandler {

	private final OAuth2ErrorHttpMessageConverter errorConverter = new OAuth2ErrorHttpMessageConverter();

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
		int status = response.getStatusCode().value();
		OAuth2Error error = null;
		if (response.getStatusCode().is4xxClientError()) {
			try {
				OAuth2Error body = this.errorConverter.read(OAuth2Error.class, response);
				if (StringUtils.hasText(body.getErrorCode())) {
					error = body;
				}
			}
			catch (HttpMessageConversionException | IllegalArgumentException ex) {
				// Not an OAuth error body: described below.
			}
		}
		if (error == null) {
			error = new OAuth2Error(this.fallbackErrorCode,
					"Cognito answered " + method + " " + url + " with HTTP " + status, null);
		}
		throw new OAuth2AuthorizationException(error);
	}

}
