package io.github.cognitosso.autoconfigure.core;

/**
 * Makes text that Cognito or a federated identity provider supplied (an
 * {@code error_description}, partly from the callback's query string) safe to put in a
 * log line: every control character becomes a space. CR and LF would forge log lines, but
 * so would the Unicode line and paragraph separators, an escape (U+001B) rewrites a
 * terminal, a NUL truncates some log viewers,, and invisible format characters
 * (bidirectional overrides) disguise what a line says.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * @param text untrusted text, or {@code null}
	 * @return the text with each run of control, format and line or paragraph separator
	 * characters replaced by one space; {@code "null"} for {@code null}
	 */
	public static String strip(Object text) {
		String value = String.valueOf(text);
		StringBuilder safe = new StringBuilder(value.length());
		boolean replacing = false;
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isControl(codePoint)) {
				if (!replacing) {
					safe.append(' ');
				}
				replacing = true;
				continue;
			}
			replacing = false;
			safe.appendCodePoint(codePoint);
		}
		return safe.toString();
	}

	private static boolean isControl(int codePoint) {
		// CONTROL covers C0 (tab, CR, LF, NUL, ESC...), DEL and C1; FORMAT the
		// bidirectional overrides; lone
		// surrogates are no text at all.
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE ->
				true;
			default -> false;
		};
	}

}
