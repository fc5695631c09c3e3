package io.github.cognitosso.autoconfigure.core;

import java.util.Arrays;

/**
 * Whether a compact JWS is spelled the one way RFC 7515 allows: every part unpadded
 * base64url (section 2), so that one token has one spelling. Nimbus' decoder is lenient:
 * it skips characters outside the alphabet, reads {@code +}/{@code /} as
 * {@code -}/{@code _} and ignores the unused low bits of the last character, so
 * {@code sig=}, {@code si~g} or {@code siG} (for {@code siE}) all verify. Each such
 * spelling would be a new token to a denylist of token strings and a new entry of the
 * validated-token cache.
 * <p>
 * A scan, not a decoder: each part's characters are {@code A-Z a-z 0-9 - _}, its length
 * is not 1 modulo 4 (no encoding has that length), and the bits its last character
 * carries beyond the encoded bytes are zero. The characters are looked up in a table of
 * the 128 ASCII characters and the results combined without a branch per character: on
 * tokens that differ from one another, a branch on each character's class is one the CPU
 * cannot predict (about 3.6 ns a character against well under 1 ns, docs/benchmarks.md).
 */
final class CanonicalTokenForm {

	/**
	 * The 6-bit value of each base64url character, -1 for every other ASCII character.
	 */
	private static final byte[] VALUES = new byte[128];

	static {
		Arrays.fill(VALUES, (byte) -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private CanonicalTokenForm() {
	}

	/**
	 * @param token a compact serialization (parts separated by {@code .})
	 * @return whether every part is canonical unpadded base64url (an empty part is: it
	 * encodes nothing)
	 */
	static boolean isCanonical(String token) {
		int length = token.length();
		int partStart = 0;
		while (true) {
			int partEnd = token.indexOf('.', partStart);
			if (partEnd < 0) {
				partEnd = length;
			}
			if (!isCanonicalPart(token, partStart, partEnd)) {
				return false;
			}
			if (partEnd == length) {
				return true;
			}
			partStart = partEnd + 1;
		}
	}

	private static boolean isCanonicalPart(String token, int start, int end) {
		// Negative once any character is outside the alphabet: a table value of -1, or a
		// character beyond ASCII (c >>> 7 is then at least 1).
		int invalid = 0;
		for (int i = start; i < end; i++) {
			char c = token.charAt(i);
			invalid |= VALUES[c & 0x7F] | -(c >>> 7);
		}
		return invalid >= 0 && endsCanonically(token, start, end);
	}

	private static boolean endsCanonically(String token, int start, int end) {
		switch ((end - start) % 4) {
			case 0:
				return true;
			case 2:
				// 2 characters carry 12 bits for 1 byte: the last character's 4 low bits
				// are unused.
				return (value(token.charAt(end - 1)) & 0x0F) == 0;
			case 3:
				// 3 characters carry 18 bits for 2 bytes: the last character's 2 low bits
				// are unused.
				return (value(token.charAt(end - 1)) & 0x03) == 0;
			default:
				return false;
		}
	}

	/**
	 * @return the 6-bit value of a base64url character (the part's characters are known
	 * to be in the alphabet)
	 */
	private static int value(char c) {
		return VALUES[c & 0x7F];
	}

}
