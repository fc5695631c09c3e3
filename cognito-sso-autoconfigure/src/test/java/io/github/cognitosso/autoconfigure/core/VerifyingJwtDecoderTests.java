package io.github.cognitosso.autoconfigure.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.util.Base64URL;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.BadTokenCorpus.BadRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's verifying decoder gives every token the verdict Spring's
 * {@code NimbusJwtDecoder} gives it, with the same checks (the decoder a
 * {@link CognitoJwtDecoderBuilderCustomizer} gets is that one): the same {@link Jwt} for
 * an accepted token, the same exception and description for a refused one; and it decodes
 * canonical tokens itself, leaving to Nimbus only the spellings the JDK's strict decoder
 * refuses.
 */
class VerifyingJwtDecoderTests {

	private static JwksServer jwks;

	private CognitoPool pool;

	private CognitoResourceServerProperties resourceServer;

	@BeforeAll
	static void startJwks() {
		jwks = new JwksServer().publish(TestTokens.POOL_KEY, TestTokens.ROTATED_KEY);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@BeforeEach
	void pool() {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(TestTokens.POOL_ID);
		properties.setClientId(TestTokens.CLIENT_ID);
		properties.setJwkSetUri(jwks.jwkSetUri());
		this.resourceServer = new CognitoResourceServerProperties();
		this.resourceServer.setAcceptedClientIds(List.of(TestTokens.MACHINE_CLIENT_ID));
		this.resourceServer.setAcceptedTokenUses(List.of(TokenUse.ACCESS, TokenUse.ID));
		// Every token verified, not answered from the cache.
		this.resourceServer.getTokenCache().setEnabled(false);
		CognitoJwkSource keys = CognitoJwtDecoders.jwkSource(this.resourceServer.getJwks(), properties.toEndpoints(),
				Clock.systemUTC());
		this.pool = CognitoPool.from(properties, this.resourceServer, properties.toEndpoints(), keys);
	}

	private JwtDecoder starterDecoder() {
		return CognitoJwtDecoders.forPool(this.pool, this.resourceServer, Clock.systemUTC(), List.of(), List.of());
	}

	/** With a customizer, the decoder is Spring's {@code NimbusJwtDecoder}. */
	private JwtDecoder nimbusDecoder() {
		return CognitoJwtDecoders.forPool(this.pool, this.resourceServer, Clock.systemUTC(), List.of(),
				List.of((builder) -> builder.jwsAlgorithm(SignatureAlgorithm.RS256)));
	}

	/**
	 * The starter's decoder with a {@code NimbusJwtDecoder} behind it that counts the
	 * tokens left to it.
	 */
	private VerifyingJwtDecoder countingDecoder(AtomicInteger leftToNimbus) {
		CognitoJwkSource keys = this.pool.keys();
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		nimbus.setJwtValidator(CognitoJwtDecoders.validator(this.pool, this.resourceServer, Clock.systemUTC()));
		nimbus.setClaimSetConverter(CognitoJwtDecoders.claimSetConverter(this.pool));
		JwtDecoder counting = (token) -> {
			leftToNimbus.incrementAndGet();
			return nimbus.decode(token);
		};
		return new VerifyingJwtDecoder(
				new PreparedKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), keys),
				new PreparedVerifierFactory(keys), CognitoJwtDecoders.claimSetConverter(this.pool),
				CognitoJwtDecoders.validator(this.pool, this.resourceServer, Clock.systemUTC()), counting);
	}

	@Test
	void everyTokenGetsTheVerdictOfNimbusJwtDecoder() throws Exception {
		JwtDecoder starter = starterDecoder();
		JwtDecoder nimbus = nimbusDecoder();
		Map<String, String> tokens = tokens();
		List<String> differences = new ArrayList<>();
		tokens.forEach((name, token) -> {
			Verdict expected = Verdict.of(nimbus, token);
			Verdict actual = Verdict.of(starter, token);
			if (!actual.equals(expected)) {
				differences.add(name + ": " + actual + " instead of " + expected);
			}
		});
		assertThat(differences).as("of %s tokens", tokens.size()).isEmpty();
		assertThat(tokens.values().stream().filter((token) -> Verdict.of(starter, token).accepted()))
			.as("accepted tokens among them")
			.hasSizeGreaterThan(5);
	}

	@Test
	void canonicalTokensAreDecodedWithoutNimbusJwtDecoder() {
		AtomicInteger leftToNimbus = new AtomicInteger();
		JwtDecoder decoder = new CognitoJwtDecoder(countingDecoder(leftToNimbus), 16_384);
		String valid = TestTokens.sign(TestTokens.userAccessToken());

		assertThat(decoder.decode(valid).getClaimAsString("username")).isEqualTo("alice");
		assertThat(Verdict.of(decoder, TestTokens.withAlteredSignature(valid)).description())
			.isEqualTo(BadTokenCorpus.SIGNATURE);
		assertThat(Verdict.of(decoder, TestTokens.sign(TestTokens.FOREIGN_KEY, TestTokens.userAccessToken()))
			.description()).isEqualTo(BadTokenCorpus.UNKNOWN_KEY);
		assertThat(Verdict.of(decoder, TestTokens.signPayload("[\"sub\",\"alice\"]")).description())
			.isEqualTo(BadTokenCorpus.MALFORMED_PAYLOAD);
		assertThat(Verdict.of(decoder, TestTokens.sign(TestTokens.userAccessToken().issuer(null))).description())
			.isEqualTo("Invalid issuer: the token has no iss claim");

		assertThat(leftToNimbus).hasValue(0);
	}

	@Test
	void spellingsTheJdkRefusesAreLeftToNimbusJwtDecoder() {
		AtomicInteger leftToNimbus = new AtomicInteger();
		JwtDecoder decoder = new CognitoJwtDecoder(countingDecoder(leftToNimbus), 16_384);
		List<String> spellings = TestTokens.respelled(TestTokens.userAccessToken());

		// Padded, a stray character, + or /: the JDK refuses them; stray bits it reads
		// as Nimbus does.
		assertThat(spellings.subList(1, spellings.size()))
			.allSatisfy((token) -> assertThat(Verdict.of(decoder, token).description())
				.isEqualTo(BadTokenCorpus.NOT_CANONICAL));
		assertThat(leftToNimbus).hasValue(2);
	}

	@Test
	void aHeaderIsRememberedOnlyOnceItsTokenVerified() {
		VerifyingJwtDecoder verifying = countingDecoder(new AtomicInteger());
		JwtDecoder decoder = new CognitoJwtDecoder(verifying, 16_384);
		String forged = TestTokens.sign(TestTokens.FOREIGN_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestTokens.POOL_KEY.getKeyID()).build(),
				TestTokens.userAccessToken().build());

		assertThat(Verdict.of(decoder, forged).description()).isEqualTo(BadTokenCorpus.SIGNATURE);
		assertThat(verifying.rememberedHeaders()).isZero();

		decoder.decode(TestTokens.sign(TestTokens.userAccessToken()));
		decoder.decode(TestTokens.sign(TestTokens.userAccessToken().subject("bob")));
		assertThat(verifying.rememberedHeaders()).isOne();

		// The forged token has the same header: now remembered, still refused.
		assertThat(Verdict.of(decoder, forged).description()).isEqualTo(BadTokenCorpus.SIGNATURE);
	}

	@Test
	void rememberedHeadersAreBounded() {
		VerifyingJwtDecoder verifying = countingDecoder(new AtomicInteger());
		for (int i = 0; i < VerifyingJwtDecoder.MAX_REMEMBERED_HEADERS + 3; i++) {
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestTokens.POOL_KEY.getKeyID())
				.type(new JOSEObjectType("type-" + i))
				.build();
			verifying.decode(TestTokens.sign(TestTokens.POOL_KEY, header, TestTokens.userAccessToken().build()));
		}
		assertThat(verifying.rememberedHeaders()).isEqualTo(VerifyingJwtDecoder.MAX_REMEMBERED_HEADERS);
	}

	/**
	 * The bad-token corpus, accepted tokens of each kind, headers this decoder leaves to
	 * Nimbus, and other spellings of a valid token: each part padded, with whitespace,
	 * characters outside the alphabet, the standard alphabet, stray bits, cut short, and
	 * random single-character changes.
	 */
	private static Map<String, String> tokens() throws Exception {
		Map<String, String> tokens = new LinkedHashMap<>();
		BadTokenCorpus.badRequests()
			.filter((request) -> request.authorization().size() == 1)
			.forEach((request) -> tokens.put(request.name(), bearerValue(request)));
		String valid = TestTokens.sign(TestTokens.userAccessToken());
		tokens.put("user access token", valid);
		tokens.put("user access token, typ JWT",
				TestTokens.sign(TestTokens.POOL_KEY,
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestTokens.POOL_KEY.getKeyID())
							.type(JOSEObjectType.JWT)
							.build(),
						TestTokens.userAccessToken().build()));
		tokens.put("machine access token", TestTokens.sign(TestTokens.machineAccessToken()));
		tokens.put("ID token", TestTokens.sign(TestTokens.idToken()));
		tokens.put("rotated key", TestTokens.sign(TestTokens.ROTATED_KEY, TestTokens.userAccessToken()));
		tokens.put("multi-Region issuer",
				TestTokens.sign(TestTokens.userAccessToken().issuer(TestTokens.MULTI_REGION_ISSUER)));
		tokens.put("issuer not a URL", TestTokens.sign(TestTokens.userAccessToken().issuer("not a url")));
		tokens.put("issuer with a colon, not a URI", TestTokens.sign(TestTokens.userAccessToken().issuer("a:b c")));
		tokens.put("no iat", TestTokens.sign(TestTokens.userAccessToken().issueTime(null)));
		tokens.put("sub a number", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("sub", 42))));
		tokens.put("aud a number", TestTokens.sign(TestTokens.userAccessToken((c) -> c.claim("aud", 42))));
		tokens.put("jti", TestTokens.sign(TestTokens.userAccessToken().jwtID("a-jti")));
		tokens.put("crit header",
				signedHeader("{\"alg\":\"RS256\",\"kid\":\"pool-key-1\",\"crit\":[\"exp\"]," + "\"exp\":1}",
						TestTokens.userAccessToken().build().toString()));
		tokens.put("unencoded payload (b64 false)",
				signedHeader("{\"alg\":\"RS256\",\"kid\":\"pool-key-1\",\"b64\":false,\"crit\":[\"b64\"]}",
						TestTokens.userAccessToken().build().toString()));
		tokens.put("header with a JWK",
				TestTokens.sign(TestTokens.POOL_KEY,
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestTokens.POOL_KEY.getKeyID())
							.jwk(TestTokens.POOL_KEY.toPublicJWK())
							.build(),
						TestTokens.userAccessToken().build()));
		tokens.put("header with a custom number", signedHeader("{\"alg\":\"RS256\",\"kid\":\"pool-key-1\",\"n\":1}",
				TestTokens.userAccessToken().build().toString()));
		tokens.put("header without kid", TestTokens.sign(TestTokens.POOL_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).build(), TestTokens.userAccessToken().build()));
		tokens.put("header a JSON array", signedHeader("[\"RS256\"]", "{}"));
		tokens.put("header without alg", signedHeader("{\"kid\":\"pool-key-1\"}", "{}"));
		tokens.put("header alg a number", signedHeader("{\"alg\":1}", "{}"));
		tokens.put("payload empty", TestTokens.signPayload(""));
		tokens.put("payload null", TestTokens.signPayload("null"));
		tokens.put("payload an empty array", TestTokens.signPayload("[]"));
		tokens.put("payload a string", TestTokens.signPayload("\"text\""));
		tokens.put("payload not UTF-8",
				signedHeader("{\"alg\":\"RS256\",\"kid\":\"pool-key-1\"}",
						new String(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' },
								StandardCharsets.ISO_8859_1),
						StandardCharsets.ISO_8859_1));
		tokens.put("payload with a BOM", TestTokens.signPayload("\uFEFF" + TestTokens.userAccessToken().build()));
		tokens.put("empty", "");
		tokens.put("one dot", ".");
		tokens.put("two dots", "..");
		tokens.put("four parts", valid + ".e30");
		tokens.put("five parts", valid + ".e30.e30");
		String[] parts = valid.split("\\.");
		tokens.put("empty signature", parts[0] + "." + parts[1] + ".");
		tokens.put("empty header", "." + parts[1] + "." + parts[2]);
		tokens.put("empty payload", parts[0] + ".." + parts[2]);
		tokens.put("leading space", " " + valid);
		tokens.put("trailing space", valid + " ");
		tokens.put("trailing newline", valid + "\n");
		for (int part = 0; part < 3; part++) {
			respell(tokens, parts, part);
		}
		Random random = new Random(18);
		String alphabet = "AQgw-_+/=.~ \u00e9\u0100";
		for (int i = 0; i < 150; i++) {
			int at = random.nextInt(valid.length());
			char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
			tokens.put("character " + at + " replaced by " + replacement,
					valid.substring(0, at) + replacement + valid.substring(at + 1));
		}
		for (int i = 0; i < 40; i++) {
			int length = random.nextInt(valid.length());
			tokens.put("cut to " + length + " characters", valid.substring(0, length));
		}
		return tokens;
	}

	private static void respell(Map<String, String> tokens, String[] parts, int part) {
		String original = parts[part];
		String[] spellings = { original + "=", original + "==", original + "===", "=" + original, " " + original,
				original + " ", original.substring(0, 4) + "~" + original.substring(4),
				original.substring(0, 4) + "\t" + original.substring(4),
				original.substring(0, 4) + "\u00e9" + original.substring(4),
				original.substring(0, 4) + "=" + original.substring(4), original.replace('-', '+').replace('_', '/'),
				original.substring(0, original.length() - 1) + (char) (original.charAt(original.length() - 1) + 1),
				original.substring(0, original.length() - 1), original.substring(0, original.length() - 2),
				original.substring(0, original.length() - 3), original + "A", original + "AA" };
		for (int i = 0; i < spellings.length; i++) {
			String[] respelled = parts.clone();
			respelled[part] = spellings[i];
			tokens.put("part " + part + " spelling " + i, String.join(".", respelled));
		}
	}

	private static String bearerValue(BadRequest request) {
		String authorization = request.authorization().get(0);
		return authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : authorization;
	}

	private static String signedHeader(String header, String payload) throws Exception {
		return signedHeader(header, payload, StandardCharsets.UTF_8);
	}

	/** A JWS of exactly this header and payload text, signed with the pool key. */
	private static String signedHeader(String header, String payload, java.nio.charset.Charset payloadCharset)
			throws Exception {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(payload.getBytes(payloadCharset));
		Base64URL signature = new RSASSASigner(TestTokens.POOL_KEY)
			.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + signature;
	}

	/**
	 * What a decoder made of a token: the {@link Jwt}'s parts, or the exception's type,
	 * description and errors.
	 */
	private record Verdict(boolean accepted, String outcome, Object details) {

		static Verdict of(JwtDecoder decoder, String token) {
			try {
				Jwt jwt = decoder.decode(token);
				return new Verdict(true, "accepted", List.of(jwt.getTokenValue(), jwt.getHeaders(), jwt.getClaims(),
						String.valueOf(jwt.getIssuedAt()), String.valueOf(jwt.getExpiresAt())));
			}
			catch (JwtValidationException ex) {
				return new Verdict(false, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
						ex.getErrors()
							.stream()
							.map((error) -> error.getErrorCode() + " " + error.getDescription())
							.toList());
			}
			catch (JwtException ex) {
				return new Verdict(false, ex.getClass().getSimpleName() + ": " + ex.getMessage(), Set.of());
			}
		}

		String description() {
			if (this.details instanceof List<?> errors && !this.accepted && !errors.isEmpty()) {
				String first = (String) errors.get(0);
				return first.substring(first.indexOf(' ') + 1);
			}
			return this.outcome.substring(this.outcome.indexOf(": ") + 2);
		}

	}

}
