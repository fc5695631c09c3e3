package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.EnumSet;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Accepts only the kinds of Cognito token an API should see, by their {@code token_use}
 * claim. Both Cognito tokens are signed by the same keys with the same issuer, so without
 * this check an ID token (meant for the client that signed the user in) would pass as an
 * access token.
 */
final class TokenUseValidator implements OAuth2TokenValidator<Jwt> {

	static final String MISSING = "Invalid token_use: the token has no token_use claim";

	private static final OAuth2TokenValidatorResult MISSING_RESULT = ValidationFailures.invalidToken(MISSING);

	private final boolean access;

	private final boolean id;

	private final OAuth2TokenValidatorResult notAccepted;

	/**
	 * @param accepted the accepted kinds of token
	 */
	TokenUseValidator(Collection<TokenUse> accepted) {
		Assert.notEmpty(accepted, "accepted token uses must not be empty");
		EnumSet<TokenUse> uses = EnumSet.copyOf(accepted);
		this.access = uses.contains(TokenUse.ACCESS);
		this.id = uses.contains(TokenUse.ID);
		this.notAccepted = ValidationFailures.invalidToken(notAcceptedDescription(this.access, this.id));
	}

	static String notAcceptedDescription(boolean access, boolean id) {
		String accepted = (access && id) ? "access and ID tokens are"
				: (access ? "access tokens are" : "ID tokens are");
		return "Invalid token_use: only " + accepted + " accepted";
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Object tokenUse = jwt.getClaims().get("token_use");
		if (tokenUse == null) {
			return MISSING_RESULT;
		}
		if ((this.access && "access".equals(tokenUse)) || (this.id && "id".equals(tokenUse))) {
			return OAuth2TokenValidatorResult.success();
		}
		return this.notAccepted;
	}

}
