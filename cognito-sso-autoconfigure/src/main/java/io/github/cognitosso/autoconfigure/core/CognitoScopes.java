package io.github.cognitosso.autoconfigure.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Cognito's scope strings: the {@code scope} claim of an access token and the
 * {@code scope} member of a token response are scope tokens separated by spaces (RFC 6749
 * section 3.3). Read leniently, as every part of the starter reads them: any ASCII
 * whitespace separates, repeated or leading and trailing separators count as one.
 */
public final class CognitoScopes {

	private CognitoScopes() {
	}

	/**
	 * @param scopes a space-separated scope string, or {@code null}
	 * @return the scopes in their order, without empty entries (duplicates kept); empty
	 * for {@code null}
	 */
	public static List<String> split(String scopes) {
		if (scopes == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= scopes.length(); i++) {
			boolean separator = i == scopes.length() || isSeparator(scopes.charAt(i));
			if (separator && start >= 0) {
				result.add(scopes.substring(start, i));
				start = -1;
			}
			else if (!separator && start < 0) {
				start = i;
			}
		}
		return result;
	}

	/**
	 * Whether a scope string holds a scope, as {@link #split} would find it, without
	 * splitting (no allocation: the check runs on every validated token).
	 * @param scopes a space-separated scope string, or {@code null}
	 * @param scope the scope looked for, not empty
	 * @return whether {@code scope} is one of the scopes
	 */
	public static boolean contains(String scopes, String scope) {
		if (scopes == null || scope == null || scope.isEmpty()) {
			return false;
		}
		int from = 0;
		while (true) {
			int at = scopes.indexOf(scope, from);
			if (at < 0) {
				return false;
			}
			int end = at + scope.length();
			boolean startsWord = at == 0 || isSeparator(scopes.charAt(at - 1));
			boolean endsWord = end == scopes.length() || isSeparator(scopes.charAt(end));
			if (startsWord && endsWord) {
				return true;
			}
			from = at + 1;
		}
	}

	/**
	 * Space, tab, line feed, vertical tab, form feed, carriage return: what {@code \s}
	 * matches in a regex.
	 */
	private static boolean isSeparator(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r');
	}

}
