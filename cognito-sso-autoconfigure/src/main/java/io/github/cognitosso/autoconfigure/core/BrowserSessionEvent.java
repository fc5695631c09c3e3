package io.github.cognitosso.autoconfigure.core;

/**
 * The steps of a browser session that talk to Cognito or end the session, as metric tag
 * values.
 */
public enum BrowserSessionEvent {

	/** A sign-in through the managed login ended (the callback was handled). */
	SIGN_IN("sign_in"),

	/** The session's tokens were refreshed with the refresh token grant. */
	REFRESH("refresh"),

	/** A refresh token was revoked at Cognito's {@code /oauth2/revoke}. */
	REVOCATION("revocation"),

	/** A user signed out of the application. */
	SIGN_OUT("sign_out");

	private final String tagValue;

	BrowserSessionEvent(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * @return the value metrics use for this event
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
