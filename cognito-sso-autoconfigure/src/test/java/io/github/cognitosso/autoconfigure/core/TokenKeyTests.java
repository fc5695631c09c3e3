package io.github.cognitosso.autoconfigure.core;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validated-token cache's key: exact comparison of the whole token, a hash of its
 * signature's end.
 */
class TokenKeyTests {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static String randomSignature(Random random) {
		StringBuilder signature = new StringBuilder(342);
		for (int i = 0; i < 342; i++) {
			signature.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return signature.toString();
	}

	@Test
	void theSameTokenInAnotherStringIsTheSameKey() {
		String token = "header.payload." + randomSignature(new Random(1));
		TokenKey key = new TokenKey(token);
		TokenKey again = new TokenKey(new String(token.toCharArray()));
		assertThat(again).isEqualTo(key).hasSameHashCodeAs(key);
		assertThat(again.compareTo(key)).isZero();
	}

	@Test
	void aTokenDifferingOutsideTheHashedEndHasTheSameHashButIsAnotherKey() {
		String signature = randomSignature(new Random(2));
		TokenKey key = new TokenKey("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9." + signature);
		TokenKey forged = new TokenKey("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9." + signature);
		assertThat(forged.hashCode()).isEqualTo(key.hashCode());
		assertThat(forged).isNotEqualTo(key);
		assertThat(forged.compareTo(key)).isNotZero();
	}

	@Test
	void aTokenDifferingInTheHashedEndIsAnotherKey() {
		String token = "header.payload." + randomSignature(new Random(3));
		int at = token.length() - 2;
		char other = (token.charAt(at) == 'A') ? 'B' : 'A';
		TokenKey altered = new TokenKey(token.substring(0, at) + other + token.charAt(at + 1));
		assertThat(altered).isNotEqualTo(new TokenKey(token));
	}

	@Test
	void signaturesSpreadEvenlyOverTheBinsOfALargeMap() {
		Random random = new Random(4);
		int bins = 1 << 12;
		int[] counts = new int[bins];
		Set<Integer> hashes = new HashSet<>();
		int tokens = 10 * bins;
		for (int i = 0; i < tokens; i++) {
			int hash = new TokenKey("h.p." + randomSignature(random)).hashCode();
			hashes.add(hash);
			// ConcurrentHashMap's own spreading, then its mask.
			counts[(hash ^ (hash >>> 16)) & (bins - 1)]++;
		}
		int fullest = 0;
		for (int count : counts) {
			fullest = Math.max(fullest, count);
		}
		// 10 per bin on average; a uniform hash puts at most about 30 in any bin of
		// 16,384.
		assertThat(fullest).isLessThan(32);
		assertThat(hashes.size()).isGreaterThan(tokens - 100);
	}

	@Test
	void shortTokensHaveAKeyToo() {
		assertThat(new TokenKey("a")).isEqualTo(new TokenKey("a")).isNotEqualTo(new TokenKey("b"));
		assertThat(new TokenKey("ab")).isNotEqualTo(new TokenKey("ba"));
	}

	@Test
	void theKeyNeverPrintsTheToken() {
		String token = "header.payload." + randomSignature(new Random(5));
		assertThat(new TokenKey(token)).hasToString("TokenKey[" + token.length() + " characters]");
	}

}
