package io.github.cognitosso.autoconfigure.core;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * For APIs that use Cognito's resource indicators (RFC 8707): an access token's
 * {@code aud} must name one of this API's resources. Cognito writes {@code aud} into an
 * access token only when the client asked for a {@code resource}, so this check is
 * opt-in.
 * <p>
 * ID tokens are left alone: their {@code aud} is the app client, checked by
 * {@link AppClientValidator}.
 */
final class ResourceAudienceValidator implements OAuth2TokenValidator<Jwt> {

	static final String NOT_ACCEPTED = "Invalid audience: the token's aud names none of this API's resources";

	private static final OAuth2TokenValidatorResult NOT_ACCEPTED_RESULT = ValidationFailures.invalidToken(NOT_ACCEPTED);

	private final Set<String> audiences;

	/**
	 * @param audiences the resource indicators of this API; a token's {@code aud} must
	 * contain one of them
	 */
	ResourceAudienceValidator(Collection<String> audiences) {
		Assert.notEmpty(audiences, "audiences must not be empty");
		this.audiences = Set.copyOf(audiences);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		if ("id".equals(jwt.getClaims().get("token_use"))) {
			return OAuth2TokenValidatorResult.success();
		}
		Object audience = jwt.getClaims().get("aud");
		if (audience instanceof String single && this.audiences.contains(single)) {
			return OAuth2TokenValidatorResult.success();
		}
		if (audience instanceof Collection<?> values) {
			for (Object value : values) {
				if (value instanceof String item && this.audiences.contains(item)) {
					return OAuth2TokenValidatorResult.success();
				}
			}
		}
		return NOT_ACCEPTED_RESULT;
	}

}
