package io.github.cognitosso.autoconfigure.servlet.resource;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import io.github.cognitosso.autoconfigure.core.BearerAuthorization;
import io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpSecurityCustomizer;

import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * The Cognito resource-server set-up of a security chain: bearer tokens validated by the
 * Cognito decoder, mapped by the Cognito converter, refused with RFC 6750 answers. The
 * starter registers it as a bean; the default chain and every chain using
 * {@link CognitoHttpConfigurer} get it. A chain that should only accept bearer tokens (an
 * {@code /api/**} chain next to a browser-login chain) can apply this bean alone:
 * {@code cognitoResourceServer.customize(http)}.
 * <p>
 * Besides {@code oauth2ResourceServer}, it exempts requests carrying an
 * {@code Authorization: Bearer} header and no session from CSRF protection (a browser
 * never adds that header to a cross-site request; Spring exempts only requests whose
 * token it could parse, so a malformed token on a POST would get a CSRF 403 instead of
 * 401). A request with a session keeps the CSRF check, bearer header or not (see
 * {@link SessionRequestCsrfFilters}): the CSRF and logout filters run before the token is
 * validated. When browser login is off, it makes the chain stateless: no session, no
 * saved request, no cookie.
 * <p>
 * Spring Security publishes the API's OAuth 2.0 Protected Resource Metadata (RFC 9728) at
 * {@code /.well-known/oauth-protected-resource}, to anyone; its default claims
 * certificate-bound tokens, which Cognito never issues. Here it says what the API
 * accepts: the pool's issuer as authorization server, the required scopes when there are
 * some, tokens in the {@code Authorization} header only, no certificate binding.
 * <p>
 * Ordered early ({@link #ORDER}), before browser login: the first entry point registered
 * for API-style requests wins, and those must get {@code 401} with
 * {@code WWW-Authenticate: Bearer}, not a redirect or a bare 401.
 */
public final class CognitoResourceServerHttpSecurityCustomizer implements CognitoHttpSecurityCustomizer, Ordered {

	/** Before the browser-login customizer. */
	public static final int ORDER = 0;

	private static final RequestMatcher BEARER_AUTHORIZATION = (request) -> BearerAuthorization
		.isBearer(request.getHeader(HttpHeaders.AUTHORIZATION));

	private final JwtDecoder jwtDecoder;

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter;

	private final BearerTokenResolver bearerTokenResolver;

	private final boolean stateless;

	private final Consumer<OAuth2ProtectedResourceMetadata.Builder> resourceMetadata;

	/**
	 * @param jwtDecoder the decoder (the starter's {@link CognitoJwtDecoder} or the
	 * application's)
	 * @param authenticationConverter turns a validated token into an authentication
	 * @param bearerTokenResolver finds the token in a request
	 * @param stateless whether the chain keeps no session (true unless browser login
	 * shares the chain)
	 */
	public CognitoResourceServerHttpSecurityCustomizer(JwtDecoder jwtDecoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter,
			BearerTokenResolver bearerTokenResolver, boolean stateless) {
		this(jwtDecoder, authenticationConverter, bearerTokenResolver, stateless, resourceMetadata(null, List.of()));
	}

	/**
	 * @param jwtDecoder the decoder (the starter's {@link CognitoJwtDecoder} or the
	 * application's)
	 * @param authenticationConverter turns a validated token into an authentication
	 * @param bearerTokenResolver finds the token in a request
	 * @param stateless whether the chain keeps no session (true unless browser login
	 * shares the chain)
	 * @param resourceMetadata sets the claims of
	 * {@code /.well-known/oauth-protected-resource}, see
	 * {@link #resourceMetadata(URI, List)}
	 */
	public CognitoResourceServerHttpSecurityCustomizer(JwtDecoder jwtDecoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> authenticationConverter,
			BearerTokenResolver bearerTokenResolver, boolean stateless,
			Consumer<OAuth2ProtectedResourceMetadata.Builder> resourceMetadata) {
		Assert.notNull(jwtDecoder, "jwtDecoder must not be null");
		Assert.notNull(resourceMetadata, "resourceMetadata must not be null");
		this.resourceMetadata = resourceMetadata;
		Assert.notNull(authenticationConverter, "authenticationConverter must not be null");
		Assert.notNull(bearerTokenResolver, "bearerTokenResolver must not be null");
		this.jwtDecoder = jwtDecoder;
		this.authenticationConverter = authenticationConverter;
		this.bearerTokenResolver = bearerTokenResolver;
		this.stateless = stateless;
	}

	/**
	 * @return whether this set-up makes the chain stateless
	 */
	public boolean isStateless() {
		return this.stateless;
	}

	/**
	 * The Protected Resource Metadata of a Cognito API: tokens in the
	 * {@code Authorization} header only, not bound to a client certificate.
	 * @param issuer the pool's issuer, listed as the authorization server, or
	 * {@code null}
	 * @param scopes the scopes every token needs, listed as the supported scopes when not
	 * empty
	 * @return sets these claims on the metadata Spring Security builds for the request
	 */
	public static Consumer<OAuth2ProtectedResourceMetadata.Builder> resourceMetadata(URI issuer, List<String> scopes) {
		List<String> supportedScopes = List.copyOf(scopes);
		return (metadata) -> {
			metadata.bearerMethods((methods) -> {
				methods.clear();
				methods.add("header");
			}).tlsClientCertificateBoundAccessTokens(false);
			if (issuer != null) {
				metadata.authorizationServer(issuer.toString());
			}
			if (!supportedScopes.isEmpty()) {
				metadata.scopes((list) -> list.addAll(supportedScopes));
			}
		};
	}

	/**
	 * @return whether the chain keeps no session, so bearer tokens are its only
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
	@SuppressWarnings("unchecked")
	public void customize(HttpSecurity http) {
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(this.bearerTokenResolver)
			.authenticationEntryPoint(new CognitoBearerTokenEntryPoint())
			.accessDeniedHandler(new BearerTokenAccessDeniedHandler())
			.jwt((jwt) -> jwt.decoder(this.jwtDecoder).jwtAuthenticationConverter(this.authenticationConverter))
			.protectedResourceMetadata(
					(metadata) -> metadata.protectedResourceMetadataCustomizer(this.resourceMetadata)));
		// Only when CSRF protection is on: calling http.csrf(...) would switch it back on
		// in a chain that disabled it.
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			csrf.ignoringRequestMatchers(BEARER_AUTHORIZATION);
			// A request with a session keeps the CSRF check, whatever its Authorization
			// header says.
			http.addFilterBefore(new SessionRequestCsrfFilters.HideBearerHeader(), CsrfFilter.class);
			http.addFilterAfter(new SessionRequestCsrfFilters.RestoreBearerHeader(), CsrfFilter.class);
		}
		if (this.stateless) {
			http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		}
	}

}
