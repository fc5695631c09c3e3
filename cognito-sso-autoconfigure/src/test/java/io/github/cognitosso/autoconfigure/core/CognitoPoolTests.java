package io.github.cognitosso.autoconfigure.core;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two pools are two values: the same code, given two {@link CognitoPool}s, builds two
 * decoders that each accept only their own pool's tokens.
 */
class CognitoPoolTests {

	private static final String OTHER_POOL_ID = "us-east-2_TestPool2";

	private static final String OTHER_ISSUER = "https://cognito-idp.us-east-2.amazonaws.com/" + OTHER_POOL_ID;

	private static final RSAKey OTHER_POOL_KEY = TestTokens.FOREIGN_KEY;

	private static JwksServer firstKeys;

	private static JwksServer otherKeys;

	private static JwtDecoder first;

	private static JwtDecoder other;

	@BeforeAll
	static void twoPools() {
		firstKeys = new JwksServer().publish(TestTokens.POOL_KEY);
		otherKeys = new JwksServer().publish(OTHER_POOL_KEY);
		CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();
		first = decoder(pool(TestTokens.POOL_ID, TestTokens.CLIENT_ID, firstKeys, resourceServer), resourceServer);
		other = decoder(pool(OTHER_POOL_ID, TestTokens.OTHER_CLIENT_ID, otherKeys, resourceServer), resourceServer);
	}

	@AfterAll
	static void stopKeys() {
		firstKeys.close();
		otherKeys.close();
	}

	private static CognitoPool pool(String poolId, String clientId, JwksServer keys,
			CognitoResourceServerProperties resourceServer) {
		CognitoProperties properties = new CognitoProperties();
		properties.setUserPoolId(poolId);
		properties.setClientId(clientId);
		properties.setJwkSetUri(keys.jwkSetUri());
		return CognitoPool.from(properties, resourceServer, properties.toEndpoints(),
				CognitoJwtDecoders.jwkSource(resourceServer.getJwks(), properties.toEndpoints(), Clock.systemUTC()));
	}

	private static JwtDecoder decoder(CognitoPool pool, CognitoResourceServerProperties resourceServer) {
		return CognitoJwtDecoders.forPool(pool, resourceServer, Clock.systemUTC(), List.of(), List.of());
	}

	/** A token of the other pool: its issuer, its app client, signed with its key. */
	private static String otherPoolToken() {
		return TestTokens.sign(OTHER_POOL_KEY, otherPoolClaims());
	}

	private static JWTClaimsSet.Builder otherPoolClaims() {
		return TestTokens
			.userAccessToken((claims) -> claims.issuer(OTHER_ISSUER).claim("client_id", TestTokens.OTHER_CLIENT_ID));
	}

	private static String description(BadJwtException ex) {
		return (ex instanceof JwtValidationException validation)
				? validation.getErrors().iterator().next().getDescription() : ex.getMessage();
	}

	@Test
	void eachPoolsDecoderAcceptsItsOwnPoolsToken() {
		assertThat(first.decode(TestTokens.sign(TestTokens.userAccessToken())).getIssuer())
			.hasToString(TestTokens.ISSUER);
		assertThat(other.decode(otherPoolToken()).getIssuer()).hasToString(OTHER_ISSUER);
	}

	@Test
	void firstPoolsDecoderRejectsTheOtherPoolsToken() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> first.decode(otherPoolToken()));
	}

	@Test
	void otherPoolsDecoderRejectsTheFirstPoolsToken() {
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> other.decode(TestTokens.sign(TestTokens.userAccessToken())));
	}

	@Test
	void tokenNamingTheOtherPoolIsRejectedForItsIssuerEvenWhenSignedWithThisPoolsKey() {
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> first.decode(TestTokens.sign(TestTokens.POOL_KEY, otherPoolClaims())))
			.satisfies((ex) -> assertThat(description(ex)).isEqualTo(CognitoIssuerValidator.NOT_ACCEPTED));
	}

	@Test
	void otherPoolsDecoderRejectsItsPoolsTokenIssuedToTheFirstPoolsAppClient() {
		String token = TestTokens.sign(OTHER_POOL_KEY, TestTokens
			.userAccessToken((claims) -> claims.issuer(OTHER_ISSUER).claim("client_id", TestTokens.CLIENT_ID)));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> other.decode(token))
			.satisfies((ex) -> assertThat(description(ex)).isEqualTo(AppClientValidator.CLIENT_ID_NOT_ACCEPTED));
	}

	@Test
	void tokenNamingThisPoolButSignedWithTheOtherPoolsKeyIsRejected() {
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> first.decode(TestTokens.sign(OTHER_POOL_KEY, TestTokens.userAccessToken())))
			.satisfies((ex) -> assertThat(description(ex)).isEqualTo(DecodingFailures.UNKNOWN_KEY));
	}

}
