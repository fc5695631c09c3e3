package io.github.cognitosso.autoconfigure.core;

/**
 * The one test of the starter for "this request carries a bearer token": the token
 * resolver, the CSRF exemption of bearer requests and the API-request matcher of browser
 * login all ask it, so they never disagree on a request. It needs no Spring Security
 * type, so browser login can use it without the resource-server jar.
 */
public final class BearerAuthorization {

	private static final String SCHEME = "Bearer";

	private BearerAuthorization() {
	}

	/**
	 * Whether an {@code Authorization} value is meant as a bearer token: its scheme is
	 * {@code Bearer}, in any case. The scheme ends where the value stops being a token
	 * (RFC 9110 section 11.1), so {@code Bearer abc}, {@code Bearer} and
	 * {@code Bearer:abc} are bearer values (the last two malformed ones), and
	 * {@code Bearerx abc} is another scheme.
	 * @param authorization the header's value, or {@code null}
	 * @return whether the scheme is {@code Bearer}
	 */
	public static boolean isBearer(String authorization) {
		int length = SCHEME.length();
		return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, length)
				&& (authorization.length() == length || !isSchemeCharacter(authorization.charAt(length)));
	}

	/** RFC 9110 tchar. */
	private static boolean isSchemeCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

}
