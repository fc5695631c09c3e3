package io.github.cognitosso.autoconfigure.core;

import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * What the validated-token cache keeps of a validated {@link Jwt}, in about a tenth of
 * the heap the {@code Jwt} takes, and the {@code Jwt} built again from it on every hit.
 * <p>
 * A {@code Jwt} copies its headers and claims into {@code LinkedHashMap}s, about 1 KB of
 * map entries and tables for a Cognito access token before any value, plus a
 * {@code String} for every name and value: about 2.4 KB besides the token itself. Most of
 * it is the same in every token of a pool: the header (per key), the claim names and
 * their order, and the values of the claims that do not vary per user or per token
 * ({@code iss}, {@code client_id}, {@code token_use}, {@code scope}, {@code version}, the
 * groups, ...). Those are kept once per cache, in a {@link Layout} shared by every token
 * with the same ones. What is left per token is written into one byte array: text in
 * Latin-1 (a UUID, as Cognito's {@code sub}, {@code jti}, {@code event_id} and
 * {@code origin_jti} are, in 16 bytes), numbers and whole-second timestamps in 8 bytes.
 * Any other value (a non-Latin-1 string, a JSON object, a fraction) is kept as it is.
 * <p>
 * A hit gets the {@code Jwt} the previous hit built while that one is still in use
 * somewhere (it is kept weakly, so until the next garbage collection at the latest), and
 * otherwise builds a new one with the request's token string (equal to the stored one:
 * the cache compares whole tokens). Either equals what the decoder returned on the miss:
 * the same headers and claims in the same order, each value of the same type
 * ({@code String}, {@code Long}, {@code Instant}, a new {@code ArrayList} for a list, the
 * very object for anything else), and the same {@code iat} and {@code exp}. A token whose
 * {@code Jwt} does not fit this exactly (a header value other than text, a number or a
 * boolean; an issued-at or expiry that is not its {@code iat} or {@code exp} claim) gets
 * no compact form, and neither does a subclass of {@code Jwt}: {@link #of} returns
 * {@code null} and the cache keeps the {@code Jwt} itself.
 */
final class CompactJwt {

	/** The layout's value, shared (an immutable text, number or boolean). */
	private static final byte POOLED = 0;

	/** The layout's list of strings, copied into a new {@code ArrayList}. */
	private static final byte POOLED_LIST = 1;

	/** Latin-1 text: its length (LEB128), then one byte a character. */
	private static final byte TEXT = 2;

	/** A UUID in its canonical lower-case spelling: its two longs. */
	private static final byte UUID_TEXT = 3;

	/** A {@code Long}. */
	private static final byte LONG = 4;

	/** An {@code Instant} of whole seconds: its epoch second. */
	private static final byte SECONDS = 5;

	/** Kept as it is, in {@link #objects}. */
	private static final byte OBJECT = 6;

	/**
	 * The claims whose values are the same in many tokens of a pool, so that a value is
	 * kept once per layout rather than once per token. Per-user or per-token claims are
	 * left out on purpose: pooling them would give each token a layout of its own.
	 */
	private static final Set<String> POOLED_CLAIMS = Set.of(JwtClaimNames.ISS, JwtClaimNames.AUD, "client_id",
			"token_use", "scope", "version", "cognito:groups", "cognito:roles", "cognito:preferred_role",
			"email_verified", "phone_number_verified");

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private final Layout layout;

	private final byte[] data;

	private final Object[] objects;

	/**
	 * The {@code Jwt} the last hit built, for as long as something else keeps it (until
	 * the next garbage collection at the latest): a token sent again and again meanwhile
	 * gets the same {@code Jwt} without building it, as the cache did before it kept
	 * compact forms, and once collected the entry is back to its compact size. A race
	 * between two hits only builds one more {@code Jwt}.
	 */
	private volatile WeakReference<Jwt> recent;

	private CompactJwt(Layout layout, byte[] data, Object[] objects) {
		this.layout = layout;
		this.data = data;
		this.objects = objects;
	}

	/**
	 * @param jwt a validated token
	 * @param layouts returns the layout already kept that equals the given one, or the
	 * given one (an interner)
	 * @return the compact form, or {@code null} when the token does not fit it exactly
	 */
	static CompactJwt of(Jwt jwt, UnaryOperator<Layout> layouts) {
		if (jwt.getClass() != Jwt.class) {
			// A subclass's maps need not be the Jwt's own copies.
			return null;
		}
		Map<String, Object> headers = jwt.getHeaders();
		for (Object value : headers.values()) {
			if (!isImmutableScalar(value)) {
				return null;
			}
		}
		Map<String, Object> claims = jwt.getClaims();
		if (!Objects.equals(jwt.getIssuedAt(), asInstant(claims.get(JwtClaimNames.IAT)))
				|| !Objects.equals(jwt.getExpiresAt(), asInstant(claims.get(JwtClaimNames.EXP)))) {
			return null;
		}
		int count = claims.size();
		String[] names = new String[count];
		byte[] kinds = new byte[count];
		Object[] pooled = new Object[count];
		Output data = new Output();
		List<Object> objects = null;
		int i = 0;
		for (Map.Entry<String, Object> claim : claims.entrySet()) {
			String name = claim.getKey();
			Object value = claim.getValue();
			names[i] = name;
			if (value instanceof Boolean || (POOLED_CLAIMS.contains(name) && isImmutableScalar(value))) {
				kinds[i] = POOLED;
				pooled[i] = value;
			}
			else if (POOLED_CLAIMS.contains(name) && isStringList(value)) {
				kinds[i] = POOLED_LIST;
				pooled[i] = ((List<?>) value).toArray(new String[0]);
			}
			else if (value != null && value.getClass() == String.class && isLatin1((String) value)) {
				String text = (String) value;
				UUID uuid = asUuid(text);
				if (uuid != null) {
					kinds[i] = UUID_TEXT;
					data.writeLong(uuid.getMostSignificantBits());
					data.writeLong(uuid.getLeastSignificantBits());
				}
				else {
					kinds[i] = TEXT;
					data.writeText(text);
				}
			}
			else if (value != null && value.getClass() == Long.class) {
				kinds[i] = LONG;
				data.writeLong((Long) value);
			}
			else if (value instanceof Instant instant && instant.getNano() == 0) {
				kinds[i] = SECONDS;
				data.writeLong(instant.getEpochSecond());
			}
			else {
				kinds[i] = OBJECT;
				if (objects == null) {
					objects = new ArrayList<>(2);
				}
				objects.add(value);
			}
			i++;
		}
		Layout layout = layouts.apply(new Layout(headers, names, kinds, pooled));
		return new CompactJwt(layout, data.toByteArray(), (objects != null) ? objects.toArray() : null);
	}

	/**
	 * @param token the token this was made from (the request's string, which equals it)
	 * @return the token as the decoder returned it on the miss
	 */
	Jwt jwt(String token) {
		WeakReference<Jwt> recent = this.recent;
		Jwt jwt = (recent != null) ? recent.get() : null;
		if (jwt == null) {
			jwt = build(token);
			this.recent = new WeakReference<>(jwt);
		}
		return jwt;
	}

	/**
	 * @param token the token this was made from
	 * @return a new {@code Jwt}, equal to the one this was made from
	 */
	Jwt build(String token) {
		Layout layout = this.layout;
		byte[] kinds = layout.kinds;
		Object[] values = new Object[kinds.length];
		byte[] data = this.data;
		int at = 0;
		int object = 0;
		for (int i = 0; i < kinds.length; i++) {
			switch (kinds[i]) {
				case POOLED -> values[i] = layout.pooled[i];
				case POOLED_LIST -> values[i] = list((String[]) layout.pooled[i]);
				case TEXT -> {
					int length = 0;
					int shift = 0;
					byte next;
					do {
						next = data[at++];
						length |= (next & 0x7f) << shift;
						shift += 7;
					}
					while (next < 0);
					values[i] = new String(data, at, length, StandardCharsets.ISO_8859_1);
					at += length;
				}
				case UUID_TEXT -> {
					values[i] = new UUID((long) LONGS.get(data, at), (long) LONGS.get(data, at + 8)).toString();
					at += 16;
				}
				case LONG -> {
					values[i] = (long) LONGS.get(data, at);
					at += 8;
				}
				case SECONDS -> {
					values[i] = Instant.ofEpochSecond((long) LONGS.get(data, at));
					at += 8;
				}
				default -> values[i] = this.objects[object++];
			}
		}
		Instant issuedAt = (layout.issuedAt >= 0) ? asInstant(values[layout.issuedAt]) : null;
		Instant expiresAt = (layout.expiresAt >= 0) ? asInstant(values[layout.expiresAt]) : null;
		return new Jwt(token, issuedAt, expiresAt, layout.headers, new Claims(layout.names, values));
	}

	private static List<String> list(String[] elements) {
		List<String> list = new ArrayList<>(elements.length);
		for (String element : elements) {
			list.add(element);
		}
		return list;
	}

	private static Instant asInstant(Object value) {
		return (value instanceof Instant instant) ? instant : null;
	}

	private static boolean isImmutableScalar(Object value) {
		return value != null && (value.getClass() == String.class || value.getClass() == Long.class
				|| value.getClass() == Integer.class || value.getClass() == Boolean.class);
	}

	private static boolean isStringList(Object value) {
		if (value == null || value.getClass() != ArrayList.class) {
			return false;
		}
		for (Object element : (List<?>) value) {
			if (element == null || element.getClass() != String.class) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLatin1(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xff) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the UUID the text spells in the canonical lower-case form
	 * ({@link UUID#toString()} gives the text back), or {@code null}
	 */
	private static UUID asUuid(String text) {
		if (text.length() != 36) {
			return null;
		}
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
			if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return null;
			}
		}
		// Canonical lower-case hex in the 8-4-4-4-12 groups: exactly what UUID#toString
		// writes for these bits.
		long mostSignificant = 0;
		long leastSignificant = 0;
		int digits = 0;
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			if (c != '-') {
				long digit = (c <= '9') ? c - '0' : c - 'a' + 10;
				if (digits++ < 16) {
					mostSignificant = (mostSignificant << 4) | digit;
				}
				else {
					leastSignificant = (leastSignificant << 4) | digit;
				}
			}
		}
		return new UUID(mostSignificant, leastSignificant);
	}

	/**
	 * What the tokens of a pool share: the header, the claim names in their order, how
	 * each value is kept, and the pooled values. Immutable; compared by content, so that
	 * an interner keeps one of each.
	 */
	static final class Layout {

		private final Map<String, Object> headers;

		private final String[] names;

		private final byte[] kinds;

		private final Object[] pooled;

		private final int issuedAt;

		private final int expiresAt;

		private final int hash;

		/**
		 * @param headers a {@code Jwt}'s headers: an unmodifiable view of the
		 * {@code Jwt}'s own copy, holding immutable values only, so shared as it is
		 */
		Layout(Map<String, Object> headers, String[] names, byte[] kinds, Object[] pooled) {
			this.headers = headers;
			this.names = names;
			this.kinds = kinds;
			this.pooled = pooled;
			List<String> claimNames = Arrays.asList(names);
			this.issuedAt = claimNames.indexOf(JwtClaimNames.IAT);
			this.expiresAt = claimNames.indexOf(JwtClaimNames.EXP);
			this.hash = Objects.hash(this.headers, Arrays.hashCode(names), Arrays.hashCode(kinds),
					Arrays.deepHashCode(pooled));
		}

		@Override
		public boolean equals(Object other) {
			return (this == other) || ((other instanceof Layout layout) && this.hash == layout.hash
					&& Arrays.equals(this.names, layout.names) && Arrays.equals(this.kinds, layout.kinds)
					&& Arrays.deepEquals(this.pooled, layout.pooled) && this.headers.equals(layout.headers));
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/**
	 * The claims of one hit, read once by the {@code Jwt} constructor, which copies them
	 * into its own map and never sees this one again. So its entries are one flyweight,
	 * moved along by the iteration, rather than an object per claim and per hit.
	 */
	private static final class Claims extends AbstractMap<String, Object> {

		private final String[] names;

		private final Object[] values;

		Claims(String[] names, Object[] values) {
			this.names = names;
			this.values = values;
		}

		@Override
		public int size() {
			return this.names.length;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public int size() {
					return Claims.this.names.length;
				}

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Cursor(Claims.this.names, Claims.this.values);
				}

			};
		}

	}

	/** An iterator that is also the entry it is on. */
	private static final class Cursor implements Iterator<Map.Entry<String, Object>>, Map.Entry<String, Object> {

		private final String[] names;

		private final Object[] values;

		private int at = -1;

		Cursor(String[] names, Object[] values) {
			this.names = names;
			this.values = values;
		}

		@Override
		public boolean hasNext() {
			return this.at + 1 < this.names.length;
		}

		@Override
		public Map.Entry<String, Object> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			this.at++;
			return this;
		}

		@Override
		public String getKey() {
			return this.names[this.at];
		}

		@Override
		public Object getValue() {
			return this.values[this.at];
		}

		@Override
		public Object setValue(Object value) {
			throw new UnsupportedOperationException();
		}

	}

	/** A growing byte array, for writing one token's values. */
	private static final class Output {

		private byte[] bytes = new byte[128];

		private int size;

		void writeLong(long value) {
			ensure(8);
			LONGS.set(this.bytes, this.size, value);
			this.size += 8;
		}

		void writeText(String text) {
			int length = text.length();
			ensure(5 + length);
			int rest = length;
			while (rest >= 0x80) {
				this.bytes[this.size++] = (byte) ((rest & 0x7f) | 0x80);
				rest >>>= 7;
			}
			this.bytes[this.size++] = (byte) rest;
			System.arraycopy(text.getBytes(StandardCharsets.ISO_8859_1), 0, this.bytes, this.size, length);
			this.size += length;
		}

		private void ensure(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.size);
		}

	}

}
