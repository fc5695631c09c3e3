package io.github.cognitosso.autoconfigure.core;

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
 * carries beyond the encoded bytes are zero.
 */
final class CanonicalTokenForm {

	private CanonicalTokenForm() {
	}

	/**
	 * @param token a compact serialization (parts separated by {@code .})
	 * @return whether every part is canonical unpadded base64url (an empty part is: it
	 * encodes nothing)
	 */
	static boolean isCanonical(String token) {
		int partStart = 0;
		int length = token.length();
		for (int i = 0; i < length; i++) {
			char c = token.charAt(i);
			if (c == '.') {
				if (!endsCanonically(token, partStart, i)) {
					return false;
				}
				partStart = i + 1;
			}
			else if (value(c) < 0) {
				return false;
			}
		}
		return endsCanonically(token, partStart, length);
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
	 * @return the 6-bit value of a base64url character, -1 for any other character
	 */
	private static int value(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		if (c == '-') {
			return 62;
		}
		return (c == '_') ? 63 : -1;
	}

}
