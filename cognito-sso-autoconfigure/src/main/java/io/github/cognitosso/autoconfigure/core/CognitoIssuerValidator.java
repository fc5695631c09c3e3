package io.github.cognitosso.autoconfigure.core;

import java.net.URI;
import java.util.Collection;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Accepts a token only when its {@code iss} is exactly one of the pool's issuers: no
 * trailing-slash, case or prefix tolerance, because Cognito writes the issuer byte for
 * byte the same in every token.
 * <p>
 * A pool can be switched from the original issuer form
 * ({@code https://cognito-idp.<region>.amazonaws.com/<pool>}) to the multi-Region one
 * ({@code https://issuer-cognito-idp...}); tokens of both kinds are in flight while it
 * migrates, so {@link CognitoPool#from} accepts both unless told otherwise.
 */
final class CognitoIssuerValidator implements OAuth2TokenValidator<Jwt> {

	static final String MISSING = "Invalid issuer: the token has no iss claim";

	static final String NOT_ACCEPTED = "Invalid issuer: the token's iss is not this user pool";

	private static final OAuth2TokenValidatorResult MISSING_RESULT = ValidationFailures.invalidToken(MISSING);

	private static final OAuth2TokenValidatorResult NOT_ACCEPTED_RESULT = ValidationFailures.invalidToken(NOT_ACCEPTED);

	private final String[] issuers;

	/**
	 * @param issuers the accepted issuers, compared exactly
	 */
	CognitoIssuerValidator(Collection<String> issuers) {
		Assert.notEmpty(issuers, "issuers must not be empty");
		this.issuers = issuers.toArray(String[]::new);
	}

	/**
	 * @param pool the pool whose {@link CognitoPool#acceptedIssuers() issuers} are
	 * accepted
	 * @return a validator for the pool's tokens
	 */
	static CognitoIssuerValidator forPool(CognitoPool pool) {
		return new CognitoIssuerValidator(pool.acceptedIssuers().stream().map(URI::toString).toList());
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Object issuer = jwt.getClaims().get("iss");
		if (issuer == null) {
			return MISSING_RESULT;
		}
		for (String accepted : this.issuers) {
			if (accepted.equals(issuer)) {
				return OAuth2TokenValidatorResult.success();
			}
		}
		return NOT_ACCEPTED_RESULT;
	}

}
