package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact form the validated-token cache keeps: the {@code Jwt} built from it on a
 * hit equals the one the decoder returned on the miss, value types and order included.
 */
class CompactJwtTests {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

	private final Map<CompactJwt.Layout, CompactJwt.Layout> kept = new HashMap<>();

	private final UnaryOperator<CompactJwt.Layout> layouts = (layout) -> this.kept.computeIfAbsent(layout,
			(key) -> key);

	/** A Cognito access token as the decoder returns it (Gson's and Spring's types). */
	private static Jwt accessToken(String username, String jti) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString());
		claims.put("cognito:groups", new ArrayList<>(List.of("staff", "admins")));
		claims.put("iss", TestTokens.ISSUER);
		claims.put("version", 2L);
		claims.put("client_id", TestTokens.CLIENT_ID);
		claims.put("origin_jti", UUID.randomUUID().toString());
		claims.put("event_id", UUID.randomUUID().toString());
		claims.put("token_use", "access");
		claims.put("scope", "openid email profile");
		claims.put("auth_time", 1_796_175_492L);
		claims.put("exp", Instant.ofEpochSecond(1_796_182_692L));
		claims.put("iat", Instant.ofEpochSecond(1_796_175_492L));
		claims.put("jti", jti);
		claims.put("username", username);
		return jwt(claims);
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("kid", "pool-key-1");
		headers.put("alg", "RS256");
		return new Jwt(TOKEN, (Instant) claims.get("iat"), (Instant) claims.get("exp"), headers, claims);
	}

	private static void assertSameToken(Jwt actual, Jwt expected) {
		assertThat(actual.getTokenValue()).isEqualTo(expected.getTokenValue());
		assertThat(actual.getIssuedAt()).isEqualTo(expected.getIssuedAt());
		assertThat(actual.getExpiresAt()).isEqualTo(expected.getExpiresAt());
		assertThat(actual.getHeaders()).containsExactlyEntriesOf(expected.getHeaders());
		assertThat(actual.getClaims()).containsExactlyEntriesOf(expected.getClaims());
		expected.getClaims()
			.forEach((name, value) -> assertThat(actual.getClaims().get(name)).as(name).hasSameClassAs(value));
	}

	@Test
	void aCognitoAccessTokenIsBuiltAgainWithTheSameClaimsInTheSameOrderAndTypes() {
		Jwt jwt = accessToken("alice", UUID.randomUUID().toString());
		CompactJwt compact = CompactJwt.of(jwt, this.layouts);
		assertThat(compact).isNotNull();
		assertSameToken(compact.build(new String(TOKEN.toCharArray())), jwt);
	}

	@Test
	void valuesTheFormHasNoEncodingForAreKeptAsTheyAre() {
		Map<String, Object> claims = new LinkedHashMap<>(accessToken("bob", "not-a-uuid").getClaims());
		Map<String, Object> address = new LinkedHashMap<>(Map.of("country", "FR"));
		claims.put("address", address);
		claims.put("name", "Zoë Ωmega");
		claims.put("sub", "D6D77053-92BC-3AF6-B332-8BEA8C4C6904");
		claims.put("custom:ratio", 0.5d);
		claims.put("email_verified", true);
		claims.put("custom:flag", false);
		claims.put("nbf", Instant.ofEpochSecond(1_796_175_492L, 500));
		claims.put("custom:empty", "");
		claims.put("custom:long", "x".repeat(300));
		claims.put("custom:tags", new ArrayList<>(List.of("a", "b")));
		claims.put("aud", new ArrayList<>(List.of(TestTokens.CLIENT_ID)));
		Jwt jwt = jwt(claims);
		Jwt built = CompactJwt.of(jwt, this.layouts).build(TOKEN);
		assertSameToken(built, jwt);
		assertThat(built.getClaims().get("address")).isSameAs(address);
	}

	@Test
	void eachBuiltTokenHasListsOfItsOwn() {
		CompactJwt compact = CompactJwt.of(accessToken("carol", UUID.randomUUID().toString()), this.layouts);
		Jwt first = compact.build(TOKEN);
		first.getClaimAsStringList("cognito:groups").add("changed by the application");
		assertThat(compact.build(TOKEN).getClaimAsStringList("cognito:groups")).containsExactly("staff", "admins");
	}

	@Test
	void aHitGetsTheJwtTheLastHitBuiltWhileItIsInUse() {
		CompactJwt compact = CompactJwt.of(accessToken("dave", UUID.randomUUID().toString()), this.layouts);
		Jwt first = compact.jwt(TOKEN);
		assertThat(compact.jwt(new String(TOKEN.toCharArray()))).isSameAs(first);
	}

	@Test
	void tokensOfDifferentUsersShareOneLayout() {
		CompactJwt.of(accessToken("erin", UUID.randomUUID().toString()), this.layouts);
		CompactJwt.of(accessToken("frank", UUID.randomUUID().toString()), this.layouts);
		assertThat(this.kept).hasSize(1);
	}

	@Test
	void tokensWithOtherGroupsOrAnotherKeyHaveAnotherLayout() {
		CompactJwt.of(accessToken("grace", UUID.randomUUID().toString()), this.layouts);
		Map<String, Object> claims = new LinkedHashMap<>(
				accessToken("heidi", UUID.randomUUID().toString()).getClaims());
		claims.put("cognito:groups", new ArrayList<>(List.of("staff")));
		CompactJwt.of(jwt(claims), this.layouts);
		Jwt rotated = accessToken("ivan", UUID.randomUUID().toString());
		Map<String, Object> headers = new LinkedHashMap<>(rotated.getHeaders());
		headers.put("kid", "pool-key-2");
		CompactJwt.of(new Jwt(TOKEN, rotated.getIssuedAt(), rotated.getExpiresAt(), headers, rotated.getClaims()),
				this.layouts);
		assertThat(this.kept).hasSize(3);
	}

	@Test
	void aJwtWhoseExpiryIsNotItsExpClaimHasNoCompactForm() {
		Jwt jwt = accessToken("judy", UUID.randomUUID().toString());
		Jwt other = new Jwt(TOKEN, jwt.getIssuedAt(), jwt.getExpiresAt().plusSeconds(1), jwt.getHeaders(),
				jwt.getClaims());
		assertThat(CompactJwt.of(other, this.layouts)).isNull();
	}

	@Test
	void aJwtWithAHeaderValueOtherThanTextNumberOrBooleanHasNoCompactForm() {
		Jwt jwt = accessToken("mallory", UUID.randomUUID().toString());
		Map<String, Object> headers = new LinkedHashMap<>(jwt.getHeaders());
		headers.put("crit", new ArrayList<>(List.of("exp")));
		Jwt other = new Jwt(TOKEN, jwt.getIssuedAt(), jwt.getExpiresAt(), headers, jwt.getClaims());
		assertThat(CompactJwt.of(other, this.layouts)).isNull();
	}

	@Test
	void aSubclassOfJwtHasNoCompactForm() {
		Jwt jwt = accessToken("oscar", UUID.randomUUID().toString());
		Jwt subclass = new Jwt(TOKEN, jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getHeaders(), jwt.getClaims()) {
		};
		assertThat(CompactJwt.of(subclass, this.layouts)).isNull();
	}

}
