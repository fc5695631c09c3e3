package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes and validates the ID tokens Cognito returns at sign-in (and with each refresh).
 * <p>
 * Spring Security's own factory checks {@code iss} against the registration's single
 * issuer; a pool that switches to the multi-Region issuer type mints tokens with the
 * other form, so this factory accepts every issuer of
 * {@code CognitoEndpoints.acceptedIssuers()}. It also rejects tokens whose
 * {@code token_use} says they are not ID tokens. The keys come from the pool's shared key
 * source ({@code CognitoJwkSource}, the one bearer-token validation uses: one fetch, its
 * cooldown, size limit and {@code cognito.resource-server.jwks.*} timeouts). Signature
 * (RS256, key by {@code kid} from the pool's JWKS), audience, expiry and the other OpenID
 * Connect checks are Spring Security's.
 */
public final class CognitoIdTokenDecoderFactory implements JwtDecoderFactory<ClientRegistration> {

	private final List<String> acceptedIssuers;

	private final JWKSource<SecurityContext> keys;

	private final Clock clock;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	/**
	 * @param acceptedIssuers the issuer forms of the pool
	 * @param keys the pool's signing keys
	 * @param clock the clock expiry and issue times are checked against, the one sessions
	 * refresh by
	 */
	public CognitoIdTokenDecoderFactory(List<URI> acceptedIssuers, JWKSource<SecurityContext> keys, Clock clock) {
		this.acceptedIssuers = acceptedIssuers.stream().map(URI::toString).toList();
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return this.decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> build(registration));
	}

	private JwtDecoder build(ClientRegistration registration) {
		// The pool's keys, whatever the registration names as its JWKS URL: the starter's
		// registration names the same
		// URL (cognito.jwk-set-uri), and a token signed by another key set is no token of
		// this pool.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(this.keys)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		// The issuer is checked against every accepted form below, so the OIDC validator
		// must not pin one.
		ClientRegistration withoutIssuer = ClientRegistration.withClientRegistration(registration)
			.issuerUri(null)
			.build();
		OidcIdTokenValidator oidc = new OidcIdTokenValidator(withoutIssuer);
		oidc.setClock(this.clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(oidc,
				new JwtClaimValidator<Object>(JwtClaimNames.ISS,
						(issuer) -> issuer != null && this.acceptedIssuers.contains(issuer.toString())),
				new JwtClaimValidator<Object>("token_use", (use) -> use == null || Objects.equals(use, "id"))));
		decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
		return decoder;
	}

}
