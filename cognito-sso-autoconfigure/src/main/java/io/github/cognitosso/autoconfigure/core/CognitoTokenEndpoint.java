package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Cognito's token endpoint as one machine-to-machine client talks to it: Spring
 * Security's client credentials token response client on a {@link RestClient} with
 * timeouts (Spring's default has none), and the translation of every way the request can
 * fail into one {@link CognitoTokenException}.
 * <p>
 * The {@code RestClient} keeps Spring's default status handling, which throws for every
 * 4xx and 5xx with the body attached, rather than Spring Security's error handler, which
 * reads an OAuth error only from a 400 (Cognito's {@code invalid_client} may come with a
 * 401); the body is then read by {@link CognitoOAuthErrors}, as at login.
 * <p>
 * Public for the web adapters ({@code servlet.client} now, a reactive one next); not an
 * application API: applications use {@code CognitoClientCredentials}.
 */
public final class CognitoTokenEndpoint {

	private static final String SERVER_FAILED = "Cognito's token endpoint failed; it is asked again after a short "
			+ "back-off.";

	private CognitoTokenEndpoint() {
	}

	public static OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> responseClient(
			ClientCredentialsSettings settings) {
		RestClient restClient = RestClient.builder()
			.requestFactory(CognitoRequestFactory.create(settings.tokenConnectTimeout(), settings.tokenReadTimeout()))
			.configureMessageConverters((converters) -> {
				converters.addCustomConverter(new FormHttpMessageConverter());
				converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.build();
		RestClientClientCredentialsTokenResponseClient responseClient = new RestClientClientCredentialsTokenResponseClient();
		responseClient.setRestClient(restClient);
		return responseClient;
	}

	/**
	 * @param settings the client whose token request failed
	 * @param failure what Spring Security's authorized client manager threw
	 * @return the exception to throw: a {@link CognitoTokenException} for every failure
	 * of the token request, the failure itself for anything else (a bug is not a Cognito
	 * error)
	 */
	static RuntimeException translate(ClientCredentialsSettings settings, RuntimeException failure) {
		if (failure instanceof CognitoTokenException) {
			return failure;
		}
		RestClientResponseException response = find(failure, RestClientResponseException.class);
		if (response != null) {
			int status = response.getStatusCode().value();
			OAuth2Error error = CognitoOAuthErrors.translate(status,
					response.getResponseBodyAsString(StandardCharsets.UTF_8),
					(status >= 500) ? CognitoTokenException.SERVER_ERROR : CognitoTokenException.INVALID_TOKEN_RESPONSE,
					null);
			return exception(settings, error.getErrorCode(), error.getDescription(), status, failure);
		}
		if (find(failure, HttpTimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null) {
			return exception(settings, CognitoTokenException.TIMEOUT, null, null, failure);
		}
		// Before IOException: Jackson 2's parse errors are IOExceptions.
		if (find(failure, HttpMessageNotReadableException.class) != null) {
			return exception(settings, CognitoTokenException.INVALID_TOKEN_RESPONSE, null, null, failure);
		}
		if (find(failure, IOException.class) != null) {
			return exception(settings, CognitoTokenException.IO_ERROR, null, null, failure);
		}
		if (failure instanceof OAuth2AuthorizationException) {
			// Spring Security's own code (invalid_token_response for an unreadable body);
			// its description may quote
			// the response, so it stays in the cause.
			String code = ((OAuth2AuthorizationException) failure).getError().getErrorCode();
			return exception(settings, code, null, null, failure);
		}
		return failure;
	}

	private static CognitoTokenException exception(ClientCredentialsSettings settings, String code, String description,
			Integer status, Throwable cause) {
		StringBuilder message = new StringBuilder("Cognito M2M client '").append(settings.name())
			.append("' (app client ")
			.append(settings.clientId())
			.append(") could not get an access token from ")
			.append(settings.tokenUri())
			.append(": ")
			.append(code);
		if (status != null) {
			message.append(" (HTTP ").append(status).append(')');
		}
		if (description != null) {
			message.append(": ").append(description);
		}
		message.append(". ").append(hint(settings, code, status));
		return new CognitoTokenException(message.toString(), settings.name(), code, description, status, cause);
	}

	private static String hint(ClientCredentialsSettings settings, String code, Integer status) {
		String prefix = settings.propertyPrefix();
		return switch (code) {
			case "invalid_client" -> "Cognito did not accept the app client's credentials: check " + prefix
					+ "client-id and " + prefix + "client-secret.";
			case "unauthorized_client" -> "The app client may not use the client credentials grant: enable it in "
					+ "the app client's OAuth grant types (Cognito does not allow it together with the authorization "
					+ "code grant).";
			case "invalid_scope" -> "A requested scope is not a custom scope the app client may use: compare " + prefix
					+ "scopes with the app client's custom scopes.";
			case CognitoTokenException.SERVER_ERROR -> SERVER_FAILED;
			case CognitoTokenException.TIMEOUT -> "No answer within " + prefix + "token-connect-timeout ("
					+ settings.tokenConnectTimeout().toMillis() + " ms) or " + prefix + "token-read-timeout ("
					+ settings.tokenReadTimeout().toMillis() + " ms).";
			case CognitoTokenException.IO_ERROR -> "The token endpoint could not be reached: check cognito.domain "
					+ "(or cognito.endpoints.token-uri) and the network.";
			case CognitoTokenException.INVALID_TOKEN_RESPONSE -> "The answer is not an OAuth 2.0 token response: "
					+ "check that cognito.domain (or cognito.endpoints.token-uri) points at the user pool's domain.";
			default -> (status != null && status >= 500) ? SERVER_FAILED : "Cognito rejected the token request.";
		};
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
