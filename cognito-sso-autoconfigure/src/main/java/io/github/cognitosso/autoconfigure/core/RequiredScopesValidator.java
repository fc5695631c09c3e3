package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.util.Assert;

/**
 * Requires scopes of every token, whatever the endpoint (for example the resource
 * server's own scope, {@code orders/access}). A token missing one fails with
 * {@code insufficient_scope}, which the servlet adapter's
 * {@code CognitoBearerTokenEntryPoint} answers with 403 and the required scopes, as RFC
 * 6750 asks.
 * <p>
 * Scopes come from Cognito's space-separated {@code scope} claim. Per-endpoint rules are
 * better written as {@code hasAuthority('SCOPE_...')}.
 */
final class RequiredScopesValidator implements OAuth2TokenValidator<Jwt> {

	static final String INSUFFICIENT = "Insufficient scope: the token lacks a scope this API requires";

	private final String[] required;

	private final OAuth2TokenValidatorResult insufficient;

	/**
	 * @param required the scopes every token must carry
	 */
	RequiredScopesValidator(Collection<String> required) {
		Assert.notEmpty(required, "required scopes must not be empty");
		List<String> scopes = List.copyOf(required);
		for (String scope : scopes) {
			Assert.isTrue(isScopeToken(scope), () -> "'" + scope + "' is not a valid scope (RFC 6749 section 3.3)");
		}
		this.required = scopes.toArray(String[]::new);
		// The scope parameter tells the client which scopes to ask for (RFC 6750 section
		// 3).
		this.insufficient = OAuth2TokenValidatorResult
			.failure(new BearerTokenError(BearerTokenErrorCodes.INSUFFICIENT_SCOPE, HttpStatus.FORBIDDEN, INSUFFICIENT,
					null, String.join(" ", scopes)));
	}

	/** RFC 6749 scope-token: printable ASCII except space, double quote and backslash. */
	private static boolean isScopeToken(String scope) {
		if (scope == null || scope.isEmpty()) {
			return false;
		}
		for (int i = 0; i < scope.length(); i++) {
			char c = scope.charAt(i);
			if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		if (!(jwt.getClaims().get("scope") instanceof String scope)) {
			return this.insufficient;
		}
		for (String required : this.required) {
			if (!CognitoScopes.contains(scope, required)) {
				return this.insufficient;
			}
		}
		return OAuth2TokenValidatorResult.success();
	}

}
