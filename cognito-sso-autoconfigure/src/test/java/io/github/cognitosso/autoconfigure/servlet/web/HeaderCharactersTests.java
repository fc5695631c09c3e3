package io.github.cognitosso.autoconfigure.servlet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faster header checks answer exactly as Spring Security's firewall does, for every
 * character and for mixed strings.
 */
class HeaderCharactersTests {

	@Test
	void everyCharacterAloneAndInsideAsciiGetsTheFirewallsAnswer() {
		List<String> differences = new ArrayList<>();
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String alone = String.valueOf((char) c);
			compare(alone, differences);
			compare("Bearer abc" + alone + "def", differences);
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void surrogatePairsAndUnassignedCodePointsGetTheFirewallsAnswer() {
		List<String> differences = new ArrayList<>();
		for (String text : List.of("a\uD83D\uDE00b", "a\uD83Db", "a\uDE00b", "\uD83D", "a\u0378b", "a\u0085b",
				"a\u00A0b", "caf\u00E9", "a\tb", "\t", "a\u007Fb", "", "Bearer " + "x".repeat(2000))) {
			compare(text, differences);
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void controlCharactersAreRefusedAndTabOnlyInValues() {
		assertThat(HeaderCharacters.values().test("a\tb")).isTrue();
		assertThat(HeaderCharacters.names().test("a\tb")).isFalse();
		assertThat(HeaderCharacters.values().test("a\nb")).isFalse();
		assertThat(HeaderCharacters.values().test("a\u0000b")).isFalse();
		assertThat(HeaderCharacters.values().test("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
	}

	private static void compare(String text, List<String> differences) {
		check("name", text, HeaderCharacters.names(), StrictHttpFirewall.ALLOWED_HEADER_NAMES, differences);
		check("value", text, HeaderCharacters.values(), StrictHttpFirewall.ALLOWED_HEADER_VALUES, differences);
	}

	private static void check(String kind, String text, Predicate<String> fast, Predicate<String> firewall,
			List<String> differences) {
		if (fast.test(text) != firewall.test(text)) {
			differences.add(kind + " " + text.codePoints().mapToObj(Integer::toHexString).toList());
		}
	}

}
