package io.github.cognitosso.autoconfigure.core;

import java.text.ParseException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Turns whatever {@code NimbusJwtDecoder} threw (or {@link VerifyingJwtDecoder}, which
 * throws the same causes) into a {@link BadJwtException} whose message names the failed
 * check in a fixed sentence. The message becomes the {@code error_description} of the 401
 * answer, so it must never repeat what the token contains (Nimbus and Spring messages can
 * quote claim values). Runs only for rejected tokens: the header is parsed a second time
 * here, never on the way of a valid token.
 */
final class DecodingFailures {

	static final String EMPTY = "Malformed: the token is empty";

	static final String MALFORMED = "Malformed: the token is not a JWT (three base64url parts, JSON header and payload)";

	static final String NOT_CANONICAL = "Malformed: the token is not in canonical base64url (RFC 7515: unpadded, "
			+ "only A-Z a-z 0-9 - _, no stray bits in the last character of a part)";

	static final String MALFORMED_PAYLOAD = "Malformed: the token's payload is not a JSON object of valid claims";

	static final String MALFORMED_CLAIMS = "Malformed: a registered claim (iss, sub, aud, exp, nbf, iat) has the "
			+ "wrong type or value";

	static final String UNSIGNED = "Invalid algorithm: unsigned tokens (alg none) are not accepted";

	static final String ENCRYPTED = "Invalid algorithm: encrypted tokens (JWE) are not accepted";

	static final String ALGORITHM = "Invalid algorithm: only RS256-signed tokens are accepted";

	static final String UNKNOWN_KEY = "Unknown key: the token's kid is not a signing key of the user pool";

	static final String SIGNATURE = "Invalid signature: the token's signature does not verify";

	static final String KEYS_UNAVAILABLE = "Keys unavailable: the user pool's signing keys could not be fetched";

	private DecodingFailures() {
	}

	static String tooLarge(long maxLength) {
		return "Too large: the token is longer than " + maxLength + " characters";
	}

	static BadJwtException translate(String token, JwtException failure) {
		return new BadJwtException(describe(token, failure), failure);
	}

	private static String describe(String token, JwtException failure) {
		Throwable cause = failure.getCause();
		if (cause instanceof BadJWSException) {
			return SIGNATURE;
		}
		if (cause instanceof KeySourceException) {
			return KEYS_UNAVAILABLE;
		}
		if (cause instanceof BadJWTException) {
			return MALFORMED_PAYLOAD;
		}
		JWT parsed;
		try {
			parsed = JWTParser.parse(token);
		}
		catch (ParseException | RuntimeException ex) {
			return MALFORMED;
		}
		if (parsed instanceof PlainJWT) {
			return UNSIGNED;
		}
		if (parsed instanceof EncryptedJWT) {
			return ENCRYPTED;
		}
		if (cause instanceof BadJOSEException && parsed instanceof SignedJWT signed) {
			// The key selector found no key: either the algorithm is not RS256 or the kid
			// is unknown.
			return JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm()) ? UNKNOWN_KEY : ALGORITHM;
		}
		return MALFORMED_CLAIMS;
	}

}
