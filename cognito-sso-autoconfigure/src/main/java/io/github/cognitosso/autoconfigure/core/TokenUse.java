package io.github.cognitosso.autoconfigure.core;

/**
 * The kinds of token a Cognito user pool issues, as written in their token_use claim.
 */
public enum TokenUse {

	/** Access tokens ({@code token_use=access}): what APIs accept. */
	ACCESS("access"),

	/**
	 * ID tokens ({@code token_use=id}): the signed-in user's identity, audience = the app
	 * client.
	 */
	ID("id");

	private final String claimValue;

	TokenUse(String claimValue) {
		this.claimValue = claimValue;
	}

	/**
	 * @return the value of the token_use claim, {@code access} or {@code id}
	 */
	public String claimValue() {
		return this.claimValue;
	}

}
