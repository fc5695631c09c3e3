package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.text.ParseException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.cognitosso.autoconfigure.MutableClock;
import io.github.cognitosso.autoconfigure.core.CognitoAuthentication;
import io.github.cognitosso.autoconfigure.core.TokenUse;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assertion is signed once and reused for the same caller, the same identity and the
 * same token until shortly before it expires, and never handed to anyone else.
 */
class GatewayAssertionsTests {

	private static final String ISSUER = "https://gateway.example.com";

	private static final String HOST = "gateway.example.com";

	private final MutableClock clock = new MutableClock();

	private final GatewayAssertions assertions = new GatewayAssertions(AssertionSigningKey.generate(),
			Duration.ofSeconds(60), null, this.clock);

	@Test
	void sameCallerWithTheSameTokenGetsTheSameAssertionAgain() {
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));

		String first = this.assertions.assertionOf(alice, "token-a", ISSUER, HOST);
		this.clock.advance(Duration.ofSeconds(30));

		assertThat(this.assertions.assertionOf(alice, "token-a", ISSUER, HOST)).isEqualTo(first);
	}

	@Test
	void twoUsersNeverShareAnAssertion() {
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));
		Caller bob = new Caller("sub-bob", "bob", List.of("admin"));

		Jwt ofAlice = verify(this.assertions.assertionOf(alice, "token-a", ISSUER, HOST));
		Jwt ofBob = verify(this.assertions.assertionOf(bob, "token-a", ISSUER, HOST));

		assertThat(ofAlice.getSubject()).isEqualTo("sub-alice");
		assertThat(ofBob.getSubject()).isEqualTo("sub-bob");
		assertThat(ofBob.getClaimAsString("username")).isEqualTo("bob");
	}

	@Test
	void userWhoseGroupsChangedGetsANewAssertionWithTheNewGroups() {
		String before = this.assertions.assertionOf(new Caller("sub-alice", "alice", List.of("admin")), "token-a",
				ISSUER, HOST);

		String after = this.assertions.assertionOf(new Caller("sub-alice", "alice", List.of("staff")), "token-a",
				ISSUER, HOST);

		assertThat(after).isNotEqualTo(before);
		assertThat(verify(after).getClaimAsStringList("groups")).containsExactly("staff");
	}

	@Test
	void newTokenOfTheSameUserGetsANewAssertion() {
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));

		String first = this.assertions.assertionOf(alice, "token-a", ISSUER, HOST);

		assertThat(this.assertions.assertionOf(alice, "token-b", ISSUER, HOST)).isNotEqualTo(first);
	}

	@Test
	void otherAudienceGetsItsOwnAssertion() {
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));
		this.assertions.assertionOf(alice, "token-a", ISSUER, HOST);

		Jwt other = verify(this.assertions.assertionOf(alice, "token-a", ISSUER, "orders.example.com"));

		assertThat(other.getAudience()).containsExactly("orders.example.com");
	}

	@Test
	void assertionIsReplacedShortlyBeforeItExpires() {
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));
		String first = this.assertions.assertionOf(alice, "token-a", ISSUER, HOST);
		this.clock.advance(Duration.ofSeconds(51));

		Jwt renewed = verify(this.assertions.assertionOf(alice, "token-a", ISSUER, HOST));

		assertThat(renewed.getTokenValue()).isNotEqualTo(first);
		assertThat(renewed.getExpiresAt())
			.isEqualTo(this.clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS));
	}

	@Test
	void shortLifetimeIsRenewedAtHalfOfIt() {
		GatewayAssertions shortLived = new GatewayAssertions(AssertionSigningKey.generate(), Duration.ofSeconds(10),
				null, this.clock);
		Caller alice = new Caller("sub-alice", "alice", List.of("admin"));
		String first = shortLived.assertionOf(alice, "token-a", ISSUER, HOST);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(shortLived.assertionOf(alice, "token-a", ISSUER, HOST)).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(shortLived.assertionOf(alice, "token-a", ISSUER, HOST)).isNotEqualTo(first);
	}

	private Jwt verify(String assertion) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<>(parse(this.assertions.publicKeys())))
			.build();
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		return decoder.decode(assertion);
	}

	static JWKSet parse(Map<String, Object> keys) {
		try {
			return JWKSet.parse(keys);
		}
		catch (ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A signed-in user as the assertion sees one. */
	static final class Caller extends AbstractAuthenticationToken implements CognitoAuthentication {

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private final String username;

		private final List<String> groups;

		Caller(String sub, String username, List<String> groups) {
			super(List.of());
			this.claims.put("sub", sub);
			this.claims.put("email", username + "@example.com");
			this.username = username;
			this.groups = groups;
			setAuthenticated(true);
		}

		@Override
		public String getName() {
			return this.username;
		}

		@Override
		public Optional<String> getUsername() {
			return Optional.of(this.username);
		}

		@Override
		public List<String> getGroups() {
			return this.groups;
		}

		@Override
		public List<String> getScopes() {
			return List.of();
		}

		@Override
		public Optional<String> getClientId() {
			return Optional.of("gateway-client");
		}

		@Override
		public TokenUse getTokenUse() {
			return TokenUse.ACCESS;
		}

		@Override
		public boolean isMachine() {
			return false;
		}

		@Override
		public Map<String, Object> getClaims() {
			return this.claims;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.username;
		}

	}

}
