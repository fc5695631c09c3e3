package io.github.cognitosso.autoconfigure.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * What {@link NimbusJwtDecoder} does for an RS256 token of the pool, in the same order
 * and with the same failures, without the work that checks nothing (docs/benchmarks.md,
 * "Where a cache miss goes"):
 * <ul>
 * <li>the token is split once, and its JOSE header parsed once by Nimbus
 * ({@link JWSHeader#parse(String, Base64URL)}), where {@code NimbusJwtDecoder} parses it
 * twice ({@code JWTParser} to learn that it is a JWS, then {@code SignedJWT}); a header
 * that verified is remembered by its exact spelling (a pool signs with a handful of keys,
 * so a handful of headers; {@link #MAX_REMEMBERED_HEADERS} at most);</li>
 * <li>the three parts are decoded by the JDK's strict base64url decoder instead of
 * Nimbus' lenient one, which is written to run in constant time (a token is no secret)
 * and skips characters outside the alphabet. Where both decode a part they give the same
 * bytes; a part the strict decoder refuses (padding in the middle, {@code +}, a character
 * outside the alphabet, whitespace) sends the whole token to {@code NimbusJwtDecoder}, so
 * it gets the verdict it always got;</li>
 * <li>the signature is verified by the JDK's {@link Signature} (one per thread) over the
 * signing input, as Nimbus' {@code RSASSAVerifier} does it, with the RSA key of the pool
 * selected by the same {@link PreparedKeySelector} (the algorithm allowed, the
 * {@code kid}, the deferred fetch of {@link CognitoJwkSource#withCachedKeysOnly}; a
 * remembered header keeps its key matcher, the key source is asked every time);</li>
 * <li>the payload is parsed by Nimbus ({@link JSONObjectUtils}, {@link JWTClaimsSet}), so
 * the registered claims' types are checked as before, converted by the same
 * {@code MappedJwtClaimSetConverter}, and Spring's {@link Jwt} is built by its
 * constructor, without the builder's extra copies of the claims and headers;</li>
 * <li>the same {@link OAuth2TokenValidator} runs on it.</li>
 * </ul>
 * Every refusal carries the Nimbus exception {@code NimbusJwtDecoder} would have carried
 * as its cause, so {@link DecodingFailures} gives the same description. Tokens that are
 * not three parts or have no signature, and headers this class leaves to Nimbus
 * ({@code crit}, an unencoded payload, a header that is not a JWS one) go to the
 * {@code NimbusJwtDecoder} built with the same settings; a key other than an RSA public
 * key is verified with Nimbus' verifier for it. {@code VerifyingJwtDecoderTests} checks
 * that hundreds of tokens get the same answer both ways.
 */
final class VerifyingJwtDecoder implements JwtDecoder {

	/** At most this many header spellings are remembered; a pool has two keys. */
	static final int MAX_REMEMBERED_HEADERS = 8;

	/** {@code NimbusJwtDecoder}'s wording, so that messages read the same. */
	private static final String DECODING_ERROR_MESSAGE_TEMPLATE = "An error occurred while attempting to decode the Jwt: %s";

	private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

	private final PreparedKeySelector keySelector;

	private final JWSVerifierFactory verifierFactory;

	private final Converter<Map<String, Object>, Map<String, Object>> claimSetConverter;

	private final OAuth2TokenValidator<Jwt> validator;

	private final JwtDecoder nimbus;

	/** Each thread's RS256 verifier. */
	private final ThreadLocal<Signature> rs256 = new ThreadLocal<>();

	/** Copy on write: replaced as a whole, read without a lock. */
	private volatile VerifiedHeader[] verifiedHeaders = new VerifiedHeader[0];

	/**
	 * @param keySelector the pool's RS256 key selector
	 * @param verifierFactory the verifiers for keys other than RSA public keys
	 * @param claimSetConverter the conversion of the claims into Spring's {@link Jwt}
	 * @param validator every check of a verified token
	 * @param nimbus the decoder with the same keys, conversion and checks, for the tokens
	 * this one leaves to Nimbus
	 */
	VerifyingJwtDecoder(PreparedKeySelector keySelector, JWSVerifierFactory verifierFactory,
			Converter<Map<String, Object>, Map<String, Object>> claimSetConverter, OAuth2TokenValidator<Jwt> validator,
			JwtDecoder nimbus) {
		this.keySelector = keySelector;
		this.verifierFactory = verifierFactory;
		this.claimSetConverter = claimSetConverter;
		this.validator = validator;
		this.nimbus = nimbus;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Parts parts = Parts.of(token);
		if (parts == null) {
			return this.nimbus.decode(token);
		}
		VerifiedHeader header = rememberedHeader(token, parts.headerEnd());
		if (header == null) {
			header = parseHeader(parts);
			if (header == null) {
				return this.nimbus.decode(token);
			}
		}
		byte[] payload = parts.decode(parts.headerEnd() + 1, parts.payloadEnd());
		byte[] signature = parts.decode(parts.payloadEnd() + 1, parts.ascii().length);
		if (payload == null || signature == null) {
			return this.nimbus.decode(token);
		}
		// Nimbus' order: the claims are parsed before the key is looked up.
		JWTClaimsSet claims = parseClaims(payload);
		List<? extends Key> candidates = selectKeys(header.keys());
		if (!verify(header.header(), candidates, parts, signature)) {
			throw new BadJwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, "Invalid signature"),
					new BadJWSException("Signed JWT rejected: Invalid signature"));
		}
		if (header.rememberable()) {
			remember(header);
		}
		return validate(createJwt(token, header, claims));
	}

	/**
	 * @return how many header spellings are remembered
	 */
	int rememberedHeaders() {
		return this.verifiedHeaders.length;
	}

	private VerifiedHeader rememberedHeader(String token, int headerEnd) {
		for (VerifiedHeader header : this.verifiedHeaders) {
			if (header.segment().length() == headerEnd && token.startsWith(header.segment())) {
				return header;
			}
		}
		return null;
	}

	/**
	 * @return the header, or {@code null} when Nimbus decides this token: not base64url
	 * the JDK decodes, not a JWS header, or one with parameters this class leaves to
	 * Nimbus
	 */
	private VerifiedHeader parseHeader(Parts parts) {
		byte[] json = parts.decode(0, parts.headerEnd());
		if (json == null) {
			return null;
		}
		String segment = parts.token().substring(0, parts.headerEnd());
		JWSHeader header;
		try {
			header = JWSHeader.parse(new String(json, StandardCharsets.UTF_8), new Base64URL(segment));
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
		if (header.getCriticalParams() != null || !header.isBase64URLEncodePayload()) {
			return null;
		}
		return new VerifiedHeader(segment, header,
				Collections.unmodifiableMap(new LinkedHashMap<>(header.toJSONObject())),
				this.keySelector.selectorFor(header));
	}

	private void remember(VerifiedHeader header) {
		VerifiedHeader[] current = this.verifiedHeaders;
		for (VerifiedHeader known : current) {
			if (known.segment().equals(header.segment())) {
				return;
			}
		}
		int kept = Math.min(current.length, MAX_REMEMBERED_HEADERS - 1);
		VerifiedHeader[] next = new VerifiedHeader[kept + 1];
		// The newest first; the oldest goes when the bound is reached.
		next[0] = header;
		System.arraycopy(current, 0, next, 1, kept);
		this.verifiedHeaders = next;
	}

	private static JWTClaimsSet parseClaims(byte[] payload) {
		try {
			Map<String, Object> json = JSONObjectUtils.parse(new String(payload, StandardCharsets.UTF_8));
			if (json == null) {
				// "null": Nimbus' SignedJWT refuses it as not a JSON object.
				throw new ParseException("Payload of JWS object is not a valid JSON object", 0);
			}
			return JWTClaimsSet.parse(json);
		}
		catch (ParseException ex) {
			// What Nimbus' processor throws for a payload that is not a JSON object of
			// valid claims.
			throw new BadJwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, "Malformed payload"),
					new BadJWTException(ex.getMessage(), ex));
		}
	}

	private List<? extends Key> selectKeys(JWKSelector selector) {
		if (selector == null) {
			throw noKey();
		}
		List<? extends Key> candidates;
		try {
			candidates = this.keySelector.select(selector, null);
		}
		catch (KeySourceException ex) {
			// The cause stays the key source's exception: a fetch deferred off an event
			// loop is recognised by it.
			throw new JwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, ex.getMessage()), ex);
		}
		if (candidates == null || candidates.isEmpty()) {
			throw noKey();
		}
		return candidates;
	}

	/** What Nimbus' processor throws when the key selector selects no key. */
	private static BadJwtException noKey() {
		String message = "Signed JWT rejected: Another algorithm expected, or no matching key(s) found";
		return new BadJwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, message),
				new BadJOSEException(message));
	}

	/**
	 * Nimbus' processor: each candidate key in turn, until one verifies.
	 * @return whether a key verified the signature ({@code false} once the last key did
	 * not)
	 */
	private boolean verify(JWSHeader header, List<? extends Key> candidates, Parts parts, byte[] signature) {
		Iterator<? extends Key> keys = candidates.iterator();
		while (keys.hasNext()) {
			Key key = keys.next();
			boolean valid;
			try {
				if (key instanceof RSAPublicKey rsa && JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
					valid = verifyRs256(rsa, parts, signature);
				}
				else {
					JWSVerifier verifier = this.verifierFactory.createJWSVerifier(header, key);
					if (verifier == null) {
						continue;
					}
					valid = verifier.verify(header, parts.signingInput(), new Base64URL(parts.signatureSegment()));
				}
			}
			catch (JOSEException ex) {
				throw new JwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, ex.getMessage()), ex);
			}
			catch (RuntimeException ex) {
				// As Nimbus' JWSObject.verify wraps it.
				throw new JwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, ex.getMessage()),
						new JOSEException(ex.getMessage(), ex));
			}
			if (valid) {
				return true;
			}
			if (!keys.hasNext()) {
				return false;
			}
		}
		throw new BadJwtException(
				String.format(DECODING_ERROR_MESSAGE_TEMPLATE, "JWS object rejected: No matching verifier(s) found"),
				new BadJOSEException("JWS object rejected: No matching verifier(s) found"));
	}

	/**
	 * What Nimbus' {@code RSASSAVerifier} does for RS256 (the header's {@code crit} is
	 * left to Nimbus), on the signature the JDK decoded, with this thread's
	 * {@link Signature}: a {@code Signature} is not thread-safe, and
	 * {@code Signature.getInstance} looks the algorithm up among the providers each time.
	 * {@link Signature#verify} leaves it ready for the next token; one that failed is
	 * dropped.
	 */
	private boolean verifyRs256(RSAPublicKey key, Parts parts, byte[] signature) throws JOSEException {
		Signature verifier = this.rs256.get();
		boolean reusable = false;
		try {
			if (verifier == null) {
				verifier = Signature.getInstance("SHA256withRSA");
			}
			verifier.initVerify(key);
			verifier.update(parts.ascii(), 0, parts.payloadEnd());
			boolean valid = verifier.verify(signature);
			reusable = true;
			return valid;
		}
		catch (InvalidKeyException ex) {
			throw new JOSEException("Invalid public RSA key: " + ex.getMessage(), ex);
		}
		catch (SignatureException ex) {
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Unsupported RSASSA algorithm: " + ex.getMessage(), ex);
		}
		finally {
			if (reusable) {
				this.rs256.set(verifier);
			}
			else {
				this.rs256.remove();
			}
		}
	}

	private Jwt createJwt(String token, VerifiedHeader header, JWTClaimsSet claimsSet) {
		try {
			Map<String, Object> claims = this.claimSetConverter.convert(claimsSet.getClaims());
			return new Jwt(token, instant(claims.get(JwtClaimNames.IAT)), instant(claims.get(JwtClaimNames.EXP)),
					header.jsonObject(), claims);
		}
		catch (RuntimeException ex) {
			// NimbusJwtDecoder's answer for claims that do not convert or make no Jwt
			// (no claims, exp before iat).
			throw new BadJwtException(String.format(DECODING_ERROR_MESSAGE_TEMPLATE, ex.getMessage()), ex);
		}
	}

	/** As {@code Jwt.Builder} takes {@code iat} and {@code exp}. */
	private static Instant instant(Object timestamp) {
		if (timestamp != null && !(timestamp instanceof Instant)) {
			throw new IllegalArgumentException("timestamps must be of type Instant");
		}
		return (Instant) timestamp;
	}

	private Jwt validate(Jwt jwt) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			Collection<OAuth2Error> errors = result.getErrors();
			throw new JwtValidationException(validationMessage(errors), errors);
		}
		return jwt;
	}

	/** {@code NimbusJwtDecoder}'s message: the first error with a description. */
	private static String validationMessage(Collection<OAuth2Error> errors) {
		for (OAuth2Error error : errors) {
			if (StringUtils.hasLength(error.getDescription())) {
				return String.format(DECODING_ERROR_MESSAGE_TEMPLATE, error.getDescription());
			}
		}
		return "Unable to validate Jwt";
	}

	/**
	 * A token split at its two dots, with its characters as bytes.
	 *
	 * @param token the token
	 * @param ascii its characters as US-ASCII bytes (any other character becomes
	 * {@code ?}, which no base64url decoder accepts)
	 * @param headerEnd where the first dot is
	 * @param payloadEnd where the second dot is: the signing input's length
	 */
	private record Parts(String token, byte[] ascii, int headerEnd, int payloadEnd) {

		/**
		 * @return the parts, {@code null} unless the token has exactly two dots and a
		 * signature (Nimbus refuses an empty one as malformed)
		 */
		static Parts of(String token) {
			int headerEnd = token.indexOf('.');
			int payloadEnd = (headerEnd < 0) ? -1 : token.indexOf('.', headerEnd + 1);
			if (payloadEnd < 0 || payloadEnd == token.length() - 1 || token.indexOf('.', payloadEnd + 1) >= 0) {
				return null;
			}
			return new Parts(token, token.getBytes(StandardCharsets.US_ASCII), headerEnd, payloadEnd);
		}

		/**
		 * @return the bytes of the part between {@code start} and {@code end}, decoded by
		 * the JDK's base64url decoder, {@code null} if it refuses them
		 */
		byte[] decode(int start, int end) {
			ByteBuffer decoded;
			try {
				decoded = BASE64URL.decode(ByteBuffer.wrap(this.ascii, start, end - start));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			byte[] bytes = decoded.array();
			return (decoded.remaining() == bytes.length) ? bytes : Arrays.copyOf(bytes, decoded.remaining());
		}

		byte[] signingInput() {
			return Arrays.copyOf(this.ascii, this.payloadEnd);
		}

		String signatureSegment() {
			return this.token.substring(this.payloadEnd + 1);
		}

	}

	/**
	 * A parsed JOSE header.
	 *
	 * @param segment its base64url spelling, as in the token
	 * @param header what Nimbus parsed
	 * @param jsonObject what Spring's {@link Jwt} gets as its headers (unmodifiable)
	 * @param keys the selector of the keys that may verify it, {@code null} if none may
	 */
	private record VerifiedHeader(String segment, JWSHeader header, Map<String, Object> jsonObject, JWKSelector keys) {

		/**
		 * @return whether tokens may share this header's values: strings only (a nested
		 * object or list would be one mutable value shared by every {@link Jwt})
		 */
		boolean rememberable() {
			for (Object value : this.jsonObject.values()) {
				if (!(value instanceof String)) {
					return false;
				}
			}
			return true;
		}

	}

}
