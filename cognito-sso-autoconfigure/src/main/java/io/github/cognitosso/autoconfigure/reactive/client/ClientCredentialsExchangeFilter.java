package io.github.cognitosso.autoconfigure.reactive.client;

import io.github.cognitosso.autoconfigure.core.ClientCredentialsTokenSource;
import io.github.cognitosso.autoconfigure.core.CognitoTokenException;
import io.github.cognitosso.autoconfigure.servlet.client.CognitoClientCredentials;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} counterpart of the servlet {@code ClientHttpRequestInterceptor}
 * of a machine-to-machine client: sends the client's access token as
 * {@code Authorization: Bearer} on every request to an origin the client trusts (any
 * other goes out as it is, without a token request), and, when the API answers 401 with
 * an RFC 6750 {@code invalid_token} challenge, renews the token once and sends the
 * request once more.
 * <p>
 * The tokens are the client's {@link ClientCredentialsTokenSource}, shared with its
 * {@code RestClient}: one cache, one single-flight renewal, one expiry margin, one
 * back-off. A cached token is used on the calling thread; the token request itself is a
 * blocking call (Spring Security's token client), so it runs on the bounded elastic
 * scheduler, never on an event loop. It is bounded by the client's token connect and read
 * timeouts, and fails with a {@link CognitoTokenException}.
 */
final class ClientCredentialsExchangeFilter implements ExchangeFilterFunction {

	private final String clientName;

	private final CognitoClientCredentials clients;

	private final ClientCredentialsTokenSource tokens;

	private final Scheduler blockingScheduler;

	ClientCredentialsExchangeFilter(CognitoClientCredentials clients, String clientName, Scheduler blockingScheduler) {
		this.clientName = clientName;
		this.clients = clients;
		this.tokens = clients.tokenSource(clientName);
		this.blockingScheduler = blockingScheduler;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			if (!this.clients.sendsTokenTo(this.clientName, request.url())) {
				return next.exchange(request);
			}
			return token().flatMap((token) -> next.exchange(withToken(request, token))
				.flatMap((response) -> retryIfRejected(request, next, token, response)));
		});
	}

	private Mono<OAuth2AccessToken> token() {
		OAuth2AccessToken cached = this.tokens.cachedAccessToken();
		if (cached != null) {
			return Mono.just(cached);
		}
		return Mono.fromCallable(this.tokens::accessToken).subscribeOn(this.blockingScheduler);
	}

	private Mono<ClientResponse> retryIfRejected(ClientRequest request, ExchangeFunction next, OAuth2AccessToken token,
			ClientResponse response) {
		if (!ClientCredentialsTokenSource.rejectsToken(response.statusCode().value(),
				response.headers().header(HttpHeaders.WWW_AUTHENTICATE))) {
			return Mono.just(response);
		}
		Mono<OAuth2AccessToken> renewal = Mono.fromCallable(() -> this.tokens.renewAfterRejection(token))
			.subscribeOn(this.blockingScheduler);
		return renewal.flatMap((renewed) -> response.releaseBody().then(next.exchange(withToken(request, renewed))))
			// No renewal (the rejected token was itself one): the 401 reaches the caller.
			.switchIfEmpty(Mono.just(response))
			.onErrorResume(CognitoTokenException.class, (ex) -> response.releaseBody().then(Mono.error(ex)));
	}

	private static ClientRequest withToken(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token.getTokenValue())).build();
	}

	@Override
	public String toString() {
		return "Cognito M2M exchange filter for client '" + this.clientName + "'";
	}

}
