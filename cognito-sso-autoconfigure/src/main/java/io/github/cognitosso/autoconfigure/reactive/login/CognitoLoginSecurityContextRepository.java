package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Clock;

import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Stores the browser user in the web session as a {@link CognitoLoginAuthentication}, so
 * a controller asks for {@code CognitoAuthentication} as for bearer-token callers.
 * <p>
 * Spring Security's reactive login always stores a plain
 * {@link OAuth2AuthenticationToken}, and offers no hook to convert it; the sign-in saves
 * its security context here once the session's tokens are stored, so the granted scopes
 * are read from them. Loading is the web session's, as Spring Security's default.
 */
final class CognitoLoginSecurityContextRepository implements ServerSecurityContextRepository {

	private final ServerSecurityContextRepository delegate = new WebSessionServerSecurityContextRepository();

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final ReactiveClientRegistrationRepository registrations;

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final Clock clock;

	CognitoLoginSecurityContextRepository(ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveClientRegistrationRepository registrations, CognitoAuthoritiesMapper authoritiesMapper,
			Clock clock) {
		this.authorizedClients = authorizedClients;
		this.registrations = registrations;
		this.authoritiesMapper = authoritiesMapper;
		this.clock = clock;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		if (context == null || !(context.getAuthentication() instanceof OAuth2AuthenticationToken token)
				|| token instanceof CognitoLoginAuthentication) {
			return this.delegate.save(exchange, context);
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		Mono<CognitoLoginAuthentication> cognito = this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(registrationId, token, exchange)
			.map((client) -> client.getAccessToken().getScopes())
			.zipWith(this.registrations.findByRegistrationId(registrationId), (scopes, registration) -> {
				CognitoLoginAuthentication authentication = CognitoLoginAuthentication.of(token.getPrincipal(),
						token.getAuthorities(), registrationId, registration.getClientId(), scopes,
						this.authoritiesMapper, this.clock.instant());
				authentication.setDetails(token.getDetails());
				return authentication;
			});
		return cognito.map((authentication) -> {
			// The same context object the sign-in puts in the request's Reactor context.
			context.setAuthentication(authentication);
			return context;
		}).defaultIfEmpty(context).flatMap((converted) -> this.delegate.save(exchange, converted));
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return this.delegate.load(exchange);
	}

	/**
	 * Stores a refreshed user in the exchange's session. Unlike a sign-in, a refresh
	 * keeps the session id: requests of the session queued behind the refresh
	 * ({@link SessionLocks}) find it under the same id.
	 * @return a context holding the authentication
	 */
	Mono<SecurityContext> store(ServerWebExchange exchange, CognitoLoginAuthentication authentication) {
		SecurityContext context = new SecurityContextImpl(authentication);
		return exchange.getSession()
			.doOnNext((session) -> session.getAttributes()
				.put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME, context))
			.thenReturn(context);
	}

}
