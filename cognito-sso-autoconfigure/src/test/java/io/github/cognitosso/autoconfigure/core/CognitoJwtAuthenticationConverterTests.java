package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cognitosso.autoconfigure.CognitoProperties.Authorities.GroupCase;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoJwtAuthenticationConverterTests {

	private final CognitoProperties properties = new CognitoProperties();

	private final CognitoResourceServerProperties resourceServer = new CognitoResourceServerProperties();

	private CognitoJwtAuthenticationConverter converter() {
		return new CognitoJwtAuthenticationConverter(new CognitoAuthoritiesMapper(this.properties.getAuthorities()),
				this.resourceServer.getPrincipalClaims());
	}

	private static Jwt userAccessToken() {
		return Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID, "username",
				"alice", "scope", "openid orders/read", "cognito:groups", List.of("admin", "staff"), "iat",
				Instant.now(), "exp", Instant.now().plusSeconds(3600)));
	}

	private static Jwt machineAccessToken() {
		return Jwts.jwt(Map.of("sub", TestTokens.MACHINE_CLIENT_ID, "token_use", "access", "client_id",
				TestTokens.MACHINE_CLIENT_ID, "scope", "orders/read orders/write"));
	}

	private static Jwt idToken() {
		return Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "id", "aud", List.of(TestTokens.CLIENT_ID),
				"cognito:username", "alice", "cognito:groups", List.of("admin")));
	}

	private static List<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	@Test
	void groupsBecomeRolesAndScopesBecomeScopeAuthorities() {
		assertThat(authorities(converter().convert(userAccessToken()))).containsExactly("ROLE_admin", "ROLE_staff",
				"SCOPE_openid", "SCOPE_orders/read");
	}

	@Test
	void groupMappingFollowsTheAuthoritiesSettings() {
		this.properties.getAuthorities().setGroupPrefix("GROUP_");
		this.properties.getAuthorities().setGroupCase(GroupCase.UPPERCASE);
		assertThat(authorities(converter().convert(userAccessToken()))).contains("GROUP_ADMIN", "GROUP_STAFF");
	}

	@Test
	void userAccessTokenDescribesTheUser() {
		CognitoAuthentication caller = (CognitoAuthentication) converter().convert(userAccessToken());
		assertThat(caller.getName()).isEqualTo("alice");
		assertThat(caller.getUsername()).contains("alice");
		assertThat(caller.getGroups()).containsExactly("admin", "staff");
		assertThat(caller.getScopes()).containsExactly("openid", "orders/read");
		assertThat(caller.getClientId()).contains(TestTokens.CLIENT_ID);
		assertThat(caller.getTokenUse()).isEqualTo(TokenUse.ACCESS);
		assertThat(caller.isMachine()).isFalse();
		assertThat(caller.getClaims().get("sub")).isEqualTo("f4a8c4e8");
		assertThat(caller.getPrincipal()).isInstanceOf(Jwt.class);
	}

	@Test
	void clientCredentialsTokenDescribesAMachineNamedByItsClientId() {
		CognitoAuthentication caller = (CognitoAuthentication) converter().convert(machineAccessToken());
		assertThat(caller.getName()).isEqualTo("client:" + TestTokens.MACHINE_CLIENT_ID);
		assertThat(caller.getUsername()).isEmpty();
		assertThat(caller.isMachine()).isTrue();
		assertThat(caller.getGroups()).isEmpty();
		assertThat(authorities(caller)).containsExactly("SCOPE_orders/read", "SCOPE_orders/write");
	}

	@Test
	void idTokenIsNamedByCognitoUsernameAndItsClientIsTheAudience() {
		CognitoAuthentication caller = (CognitoAuthentication) converter().convert(idToken());
		assertThat(caller.getName()).isEqualTo("alice");
		assertThat(caller.getUsername()).contains("alice");
		assertThat(caller.getClientId()).contains(TestTokens.CLIENT_ID);
		assertThat(caller.getTokenUse()).isEqualTo(TokenUse.ID);
		assertThat(caller.isMachine()).isFalse();
		assertThat(caller.getScopes()).isEmpty();
	}

	@Test
	void principalClaimsAreConfigurable() {
		this.resourceServer.setPrincipalClaims(List.of("sub"));
		assertThat(converter().convert(userAccessToken()).getName()).isEqualTo("f4a8c4e8");
	}

	@Test
	void groupsClaimOfTheWrongTypeIsAnInvalidToken() {
		Jwt jwt = Jwts.jwt(Map.of("sub", "x", "username", "alice", "cognito:groups", "admin"));
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter().convert(jwt))
			.satisfies((ex) -> assertThat(ex.getError().getDescription())
				.isEqualTo("Malformed: The cognito:groups claim must be an array of strings"));
	}

	@Test
	void scopeClaimOfTheWrongTypeIsAnInvalidToken() {
		Jwt jwt = Jwts.jwt(Map.of("sub", "x", "username", "alice", "scope", List.of("openid")));
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter().convert(jwt))
			.satisfies((ex) -> assertThat(ex.getError().getDescription())
				.isEqualTo("Malformed: The scope claim must be a space-separated string"));
	}

	@Test
	void tokenWithoutAnyNameClaimIsAnInvalidToken() {
		this.resourceServer.setPrincipalClaims(List.of("email"));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> converter().convert(userAccessToken()))
			.satisfies((ex) -> assertThat(ex.getError().getDescription())
				.isEqualTo("Malformed: the token has none of the claims that name the caller (email)"));
	}

	@Test
	void machineIsNamedByItsClientIdWhateverThePrincipalClaims() {
		this.resourceServer.setPrincipalClaims(List.of("username"));
		assertThat(converter().convert(machineAccessToken()).getName())
			.isEqualTo("client:" + TestTokens.MACHINE_CLIENT_ID);
	}

	@Test
	void userWhoRegisteredAMachineClientIdAsUsernameIsNotNamedLikeThatMachine() {
		Jwt impostor = Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID,
				"username", TestTokens.MACHINE_CLIENT_ID));
		Authentication user = converter().convert(impostor);
		Authentication machine = converter().convert(machineAccessToken());
		assertThat(user.getName()).isEqualTo(TestTokens.MACHINE_CLIENT_ID).isNotEqualTo(machine.getName());
		assertThat(((CognitoAuthentication) user).isMachine()).isFalse();
	}

	@Test
	void userWhoseUsernameCarriesTheMachinePrefixIsAnInvalidToken() {
		Jwt impostor = Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID,
				"username", "client:" + TestTokens.MACHINE_CLIENT_ID));
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter().convert(impostor))
			.satisfies((ex) -> assertThat(ex.getError().getDescription())
				.isEqualTo("Malformed: a user's name may not start with client: (reserved for machine callers)"));
	}

	@Test
	void theSameClaimValuesGiveTheSameAuthoritiesAndAChangedListIsMappedAfresh() {
		CognitoJwtAuthenticationConverter converter = converter();
		List<String> groups = new ArrayList<>(List.of("admin", "staff"));
		Jwt first = Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID,
				"username", "alice", "scope", "openid", "cognito:groups", groups));
		CognitoAuthentication mapped = (CognitoAuthentication) converter.convert(first);
		assertThat(authorities(converter.convert(userAccessToken()))).containsExactly("ROLE_admin", "ROLE_staff",
				"SCOPE_openid", "SCOPE_orders/read");
		assertThat(authorities(mapped)).containsExactly("ROLE_admin", "ROLE_staff", "SCOPE_openid");

		// The claim's list changed after it was mapped: the answer follows the list.
		groups.set(0, "auditor");
		CognitoAuthentication again = (CognitoAuthentication) converter.convert(first);
		assertThat(authorities(again)).containsExactly("ROLE_auditor", "ROLE_staff", "SCOPE_openid");
		assertThat(again.getGroups()).containsExactly("auditor", "staff");
		assertThat(mapped.getGroups()).containsExactly("admin", "staff");
	}

	@Test
	void moreDistinctClaimValuesThanItKeepsAreEachMappedRight() {
		CognitoJwtAuthenticationConverter converter = converter();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 600; i++) {
				Jwt jwt = Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID,
						"username", "alice", "scope", "s" + (i % 7), "cognito:groups", List.of("g" + i)));
				CognitoAuthentication caller = (CognitoAuthentication) converter.convert(jwt);
				assertThat(authorities(caller)).containsExactly("ROLE_g" + i, "SCOPE_s" + (i % 7));
				assertThat(caller.getGroups()).containsExactly("g" + i);
				assertThat(caller.getScopes()).containsExactly("s" + (i % 7));
			}
		}
	}

	@Test
	void aGroupsClaimOfTheWrongTypeIsRefusedEveryTime() {
		CognitoJwtAuthenticationConverter converter = converter();
		Jwt wrong = Jwts.jwt(Map.of("sub", "f4a8c4e8", "token_use", "access", "client_id", TestTokens.CLIENT_ID,
				"username", "alice", "cognito:groups", List.of("admin", 7)));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter.convert(wrong))
				.satisfies((ex) -> assertThat(ex.getError().getDescription())
					.isEqualTo("Malformed: The cognito:groups claim must be an array of strings"));
		}
	}

}
