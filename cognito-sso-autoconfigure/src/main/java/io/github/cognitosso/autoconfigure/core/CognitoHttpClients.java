package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP clients of the calls made to Cognito during browser sessions, all on the
 * core's {@link CognitoRequestFactory} with the configured timeout: Spring Security's
 * defaults wait forever for a token endpoint that never answers, holding the user's
 * request thread.
 */
public final class CognitoHttpClients {

	private CognitoHttpClients() {
	}

	private static ClientHttpRequestFactory requestFactory(Duration timeout) {
		// cognito.login.timeout bounds both the connection and the whole exchange.
		return CognitoRequestFactory.create(timeout, timeout);
	}

	/**
	 * @return a client for the token endpoint, set up as Spring Security's own token
	 * response clients are
	 */
	public static RestClient tokenEndpoint(Duration timeout) {
		return RestClient.builder().requestFactory(requestFactory(timeout)).configureMessageConverters((converters) -> {
			converters.addCustomConverter(new FormHttpMessageConverter());
			converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new CognitoErrorResponseHandler("invalid_token_response")).build();
	}

	/**
	 * @return a client for the revocation endpoint: form requests, every error answer an
	 * OAuth2AuthorizationException
	 */
	public static RestClient revocationEndpoint(Duration timeout) {
		return RestClient.builder()
			.requestFactory(requestFactory(timeout))
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter()))
			.defaultStatusHandler(new CognitoErrorResponseHandler("revocation_failed"))
			.build();
	}

	/**
	 * @return a template for the userInfo endpoint (Spring Security's user service takes
	 * a {@code RestOperations})
	 */
	public static RestTemplate userInfoEndpoint(Duration timeout) {
		RestTemplate template = new RestTemplate(requestFactory(timeout));
		template.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		return template;
	}

}
