package io.github.cognitosso.benchmarks.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which key the validated-token cache should use, measured on a cache hit among 10,000
 * entries: the token string itself (its hash is computed for each request's new String,
 * one character at a time, then the characters compared), a SHA-256 digest of it (a new
 * {@code MessageDigest} per lookup, or one reused per thread), or what the cache uses, a
 * key whose hash is taken from the last characters of the signature and whose equality
 * compares the whole token ({@link SignatureEndKey}, the shape of the core's
 * {@code TokenKey}, which is package-private there).
 * <p>
 * No signature here: tokens are random base64url strings of a Cognito access token's
 * length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CacheKeyBenchmark {

	private static final int ENTRIES = 10_000;

	private static final int TOKEN_LENGTH = 1000;

	private final Object value = new Object();

	private Cache<String, Object> byToken;

	private Cache<ByteBuffer, Object> bySha256;

	private Cache<SignatureEndKey, Object> bySignatureEnd;

	private MessageDigest reusedDigest;

	private byte[] token;

	@Setup(Level.Trial)
	public void setUp() throws NoSuchAlgorithmException {
		this.byToken = Caffeine.newBuilder().maximumSize(ENTRIES).executor(Runnable::run).build();
		this.bySha256 = Caffeine.newBuilder().maximumSize(ENTRIES).executor(Runnable::run).build();
		this.bySignatureEnd = Caffeine.newBuilder().maximumSize(ENTRIES).executor(Runnable::run).build();
		this.reusedDigest = MessageDigest.getInstance("SHA-256");
		Random random = new Random(7);
		for (int i = 0; i < ENTRIES; i++) {
			String token = randomToken(random);
			this.byToken.put(token, this.value);
			this.bySha256.put(sha256(MessageDigest.getInstance("SHA-256"), token), this.value);
			this.bySignatureEnd.put(new SignatureEndKey(token), this.value);
			this.token = token.getBytes(StandardCharsets.US_ASCII);
		}
		if (tokenKey() == null || sha256Key() == null || sha256KeyReusedDigest() == null || signatureEndKey() == null) {
			throw new IllegalStateException("The last token should be cached");
		}
	}

	private static String randomToken(Random random) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		StringBuilder token = new StringBuilder(TOKEN_LENGTH);
		for (int i = 0; i < TOKEN_LENGTH; i++) {
			token.append((i == 100 || i == 650) ? '.' : alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return token.toString();
	}

	private static ByteBuffer sha256(MessageDigest digest, String token) {
		return ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
	}

	private String requestToken() {
		return new String(this.token, StandardCharsets.US_ASCII);
	}

	@Benchmark
	public Object tokenKey() {
		return this.byToken.getIfPresent(requestToken());
	}

	@Benchmark
	public Object sha256Key() throws NoSuchAlgorithmException {
		return this.bySha256.getIfPresent(sha256(MessageDigest.getInstance("SHA-256"), requestToken()));
	}

	@Benchmark
	public Object sha256KeyReusedDigest() {
		return this.bySha256.getIfPresent(sha256(this.reusedDigest, requestToken()));
	}

	@Benchmark
	public Object signatureEndKey() {
		return this.bySignatureEnd.getIfPresent(new SignatureEndKey(requestToken()));
	}

	/**
	 * The whole token compared, the hash of the 15 characters before the last one (what
	 * the core's {@code TokenKey} does; its javadoc says why that is safe).
	 */
	static final class SignatureEndKey implements Comparable<SignatureEndKey> {

		private final String token;

		private final int hash;

		SignatureEndKey(String token) {
			this.token = token;
			int end = token.length() - 1;
			int h = token.length();
			for (int i = Math.max(0, end - 15); i < end; i++) {
				h = 31 * h + token.charAt(i);
			}
			h ^= h >>> 16;
			h *= 0x85ebca6b;
			h ^= h >>> 13;
			h *= 0xc2b2ae35;
			this.hash = h ^ (h >>> 16);
		}

		@Override
		public boolean equals(Object other) {
			return (this == other) || ((other instanceof SignatureEndKey key) && this.hash == key.hash
					&& this.token.equals(key.token));
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public int compareTo(SignatureEndKey other) {
			return this.token.compareTo(other.token);
		}

	}

}
