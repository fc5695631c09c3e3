package io.github.cognitosso.autoconfigure.reactive.resource;

import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurity;
import io.github.cognitosso.autoconfigure.reactive.web.CognitoServerHttpSecurityCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.Assert;

/**
 * The Cognito resource-server set-up of a WebFlux security chain, the counterpart of the
 * servlet {@code CognitoResourceServerHttpSecurityCustomizer}: bearer tokens validated by
 * the Cognito decoder, mapped by the Cognito converter to a
 * {@code CognitoAuthentication}, refused with RFC 6750 answers (401 with
 * {@code WWW-Authenticate} and a JSON body, 403 {@code insufficient_scope}). The starter
 * registers it as a bean; the default chain and every chain using
 * {@link CognitoServerHttpSecurity} get it. A chain that should only accept bearer tokens
 * can apply this bean alone: {@code cognitoResourceServer.customize(http)}.
 * <p>
 * Requests with an {@code Authorization: Bearer} header are exempt from CSRF protection
 * (Spring's exemption, asked of the Cognito converter, so a malformed token on a POST is
 * answered 401, not with a CSRF 403). Without browser login the chain is stateless: no
 * security context and no request is kept in a {@code WebSession}.
 */
public final class CognitoReactiveResourceServerCustomizer implements CognitoServerHttpSecurityCustomizer, Ordered {

	/** Runs before the browser-login customizer. */
	public static final int ORDER = 0;

	private final ReactiveAuthenticationManager authenticationManager;

	private final ServerAuthenticationConverter bearerTokenConverter;

	private final boolean stateless;

	/**
	 * @param jwtDecoder the decoder (the starter's {@link CognitoReactiveJwtDecoder} or
	 * the application's)
	 * @param authenticationConverter turns a validated token into an authentication
	 * @param bearerTokenConverter finds the token in a request
	 * @param stateless whether the chain keeps nothing in a session (true unless browser
	 * login shares the chain)
	 */
	public CognitoReactiveResourceServerCustomizer(ReactiveJwtDecoder jwtDecoder,
			Converter<Jwt, AbstractAuthenticationToken> authenticationConverter,
			ServerAuthenticationConverter bearerTokenConverter, boolean stateless) {
		Assert.notNull(jwtDecoder, "jwtDecoder must not be null");
		Assert.notNull(authenticationConverter, "authenticationConverter must not be null");
		Assert.notNull(bearerTokenConverter, "bearerTokenConverter must not be null");
		JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(jwtDecoder);
		jwt.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authenticationConverter));
		this.authenticationManager = (authentication) -> (authentication instanceof RefusedBearerToken refused)
				? Mono.error(refused.refusal()) : jwt.authenticate(authentication);
		this.bearerTokenConverter = bearerTokenConverter;
		this.stateless = stateless;
	}

	/**
	 * @return whether this set-up makes the chain stateless
	 */
	public boolean isStateless() {
		return this.stateless;
	}

	/**
	 * @return whether the chain keeps nothing in a session, so bearer tokens are its only
	 * credential
	 */
	@Override
	public boolean bearerTokensOnly() {
		return this.stateless;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(this.bearerTokenConverter)
			.authenticationEntryPoint(new CognitoBearerTokenServerEntryPoint())
			.accessDeniedHandler(new BearerTokenServerAccessDeniedHandler())
			.jwt((jwt) -> jwt.authenticationManager(this.authenticationManager)));
		if (this.stateless) {
			http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
			http.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
		}
	}

}
