package io.github.cognitosso.autoconfigure.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * Spring Security's own factory checks {@code iss} against the registration's single issuer; a pool that switches
 * to the multi-Region issuer type mints tokens with the other form, so this factory accepts every issuer of
 * {@code CognitoEndpoints.acceptedIssuers()}. It also rejects tokens whose {@code token_use} says they are not ID
 * tokens, and fetches the JWKS with the configured timeout. Signature (RS256, key by {@code kid} from the pool's
 * JWKS), audience, expiry and the other OpenID Connect checks are Spring Security's.
 */
final class CognitoIdTokenDecoderFactory implements JwtDecoderFactory<ClientRegistration> {

	private final List<String> acceptedIssuers;

	private final Duration timeout;

	private final Clock clock;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	CognitoIdTokenDecoderFactory(List<URI> acceptedIssuers, Duration timeout) {
		this(acceptedIssuers, timeout, Clock.systemUTC());
	}

	/**
	 * @param clock the clock expiry and issue times are checked against, the one sessions refresh by
	 */
	CognitoIdTokenDecoderFactory(List<URI> acceptedIssuers, Duration timeout, Clock clock) {
		this.acceptedIssuers = acceptedIssuers.stream().map(URI::toString).toList();
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		String key = registration.getRegistrationId() + " " + registration.getProviderDetails().getJwkSetUri();
		return this.decoders.computeIfAbsent(key, (k) -> build(registration));
	}

	private JwtDecoder build(ClientRegistration registration) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.restOperations(CognitoHttpClients.jwkSetEndpoint(this.timeout))
			.build();
		// The issuer is checked against every accepted form below, so the OIDC validator must not pin one.
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
