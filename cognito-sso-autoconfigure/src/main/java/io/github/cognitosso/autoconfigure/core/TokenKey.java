package io.github.cognitosso.autoconfigure.core;

/**
 * The validated-token cache's key: the whole token, compared exactly, with a hash taken
 * from a short slice of it.
 * <p>
 * Why not the token string itself: each request brings its token as a new {@code String},
 * whose hash is not cached yet, and {@link String#hashCode()} reads all of its characters
 * one at a time (about 1 ns a character on Java 17, so most of a hit for a 1 KB token),
 * while {@link String#equals} compares them many at a time. So the hash here reads the
 * {@value #HASHED_CHARACTERS} characters before the last one, and {@link #equals} still
 * compares the whole token: a token differing in one character is never the same key,
 * whatever the hash.
 * <p>
 * Why that hash is safe: the end of a JWS is its signature, and the cache stores only
 * tokens whose RS256 signature verified. An RS256 signature is a 2048-bit value that only
 * the pool's private key can produce, and it looks uniformly random: its last characters
 * (the very last one carries only 2 bits, so it is left out) spread the stored keys
 * evenly over the map's bins. Nobody can choose where a stored token lands without the
 * key: a caller who wanted many stored tokens in one bin would have to obtain thousands
 * of valid tokens from Cognito for each one that lands there. And even then a crowded bin
 * of the underlying {@code ConcurrentHashMap} becomes a tree, ordered by
 * {@link #compareTo} (the token's characters), so a lookup in it stays logarithmic.
 * Tokens that never verified are looked up but never stored, so they can crowd nothing.
 */
final class TokenKey implements Comparable<TokenKey> {

	/**
	 * 15 characters of 6 bits each: 90 bits of the signature, far more than the 32 of the
	 * hash.
	 */
	static final int HASHED_CHARACTERS = 15;

	private final String token;

	private final int hash;

	TokenKey(String token) {
		this.token = token;
		this.hash = hash(token);
	}

	static int hash(String token) {
		int end = token.length() - 1;
		int h = token.length();
		for (int i = Math.max(0, end - HASHED_CHARACTERS); i < end; i++) {
			h = 31 * h + token.charAt(i);
		}
		// The finalizer of MurmurHash3: every bit of h reaches the low bits, which pick
		// the bin.
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

	String token() {
		return this.token;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other)
				|| ((other instanceof TokenKey key) && this.hash == key.hash && this.token.equals(key.token));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public int compareTo(TokenKey other) {
		return this.token.compareTo(other.token);
	}

	@Override
	public String toString() {
		// Never the token: keys may end up in a log line.
		return "TokenKey[" + this.token.length() + " characters]";
	}

}
