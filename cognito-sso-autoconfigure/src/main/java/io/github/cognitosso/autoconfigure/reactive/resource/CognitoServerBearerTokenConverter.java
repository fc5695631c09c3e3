package io.github.cognitosso.autoconfigure.reactive.resource;

import java.util.List;

import io.github.cognitosso.autoconfigure.core.BearerTokenHeader;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the bearer token of a WebFlux request with the rules of the servlet
 * {@code CognitoBearerTokenResolver} ({@link BearerTokenHeader}): in the
 * {@code Authorization} header only, one such header, {@code Bearerx} is another scheme.
 * <p>
 * A request whose bearer header is refused (malformed, or two headers) is not answered
 * with an error here but with a {@link RefusedBearerToken} that the authentication
 * manager refuses: Spring's CSRF exemption of bearer requests asks this converter too,
 * and would treat an error as "no bearer token", so a malformed token on a POST would get
 * a CSRF 403 instead of the 401 that names the problem (the servlet stack answers 401).
 */
final class CognitoServerBearerTokenConverter implements ServerAuthenticationConverter {

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		List<String> headers = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
		if (headers == null || headers.isEmpty()) {
			return Mono.empty();
		}
		if (headers.size() > 1) {
			return Mono.just(new RefusedBearerToken(BearerTokenHeader.multipleHeaders()));
		}
		String token;
		try {
			token = BearerTokenHeader.token(headers.get(0));
		}
		catch (OAuth2AuthenticationException ex) {
			return Mono.just(new RefusedBearerToken(ex));
		}
		return (token != null) ? Mono.just(new BearerTokenAuthenticationToken(token)) : Mono.empty();
	}

}
