package io.github.cognitosso.autoconfigure.servlet.resource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.core.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectedResourceMetadataTests {

	@Test
	void requiredScopesAreTheSupportedScopes() {
		OAuth2ProtectedResourceMetadata.Builder builder = OAuth2ProtectedResourceMetadata.builder()
			.resource("https://api.example.com")
			.bearerMethod("header")
			.tlsClientCertificateBoundAccessTokens(true);
		CognitoResourceServerHttpSecurityCustomizer
			.resourceMetadata(URI.create(TestTokens.ISSUER), List.of("orders/access"))
			.accept(builder);

		Map<String, Object> claims = builder.build().getClaims();

		assertThat(claims).containsEntry("authorization_servers", List.of(TestTokens.ISSUER))
			.containsEntry("scopes_supported", List.of("orders/access"))
			.containsEntry("bearer_methods_supported", List.of("header"))
			.containsEntry("tls_client_certificate_bound_access_tokens", false);
	}

}
