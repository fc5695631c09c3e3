package io.github.cognitosso.autoconfigure.servlet.web;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The header checks of Spring Security's {@link StrictHttpFirewall}, with the same answer
 * for every string, faster for ASCII: the firewall matches every header name and value
 * with a regular expression each time the application reads it, which for a 1 KB
 * {@code Authorization} header is several microseconds per request. Every ASCII character
 * is assigned, and its control characters are 0x00 to 0x1F and 0x7F, so an ASCII string
 * is checked with one comparison per character; a string with any other character goes to
 * the firewall's own check.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/**
	 * @return {@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}, faster
	 */
	static Predicate<String> names() {
		return (name) -> allowed(name, false, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	/**
	 * @return {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES} (which also allows a tab),
	 * faster
	 */
	static Predicate<String> values() {
		return (value) -> allowed(value, true, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
	}

	private static boolean allowed(String text, boolean tab, Predicate<String> firewall) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x7F) {
				// DEL or beyond ASCII (C1 controls, unassigned code points, surrogates).
				return firewall.test(text);
			}
			if (c < 0x20 && !(tab && c == '\t')) {
				return false;
			}
		}
		return true;
	}

}
