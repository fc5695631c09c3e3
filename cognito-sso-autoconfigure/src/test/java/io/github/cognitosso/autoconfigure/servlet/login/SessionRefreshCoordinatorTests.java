package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store behind Spring Session read and written around a refresh (Spring
 * Session's in-memory repository stands for Redis here; the Redis flow tests run the same
 * with a real one).
 */
class SessionRefreshCoordinatorTests {

	private static final ClientRegistration COGNITO = ClientRegistration.withRegistrationId("cognito")
		.clientId("app")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/cognito")
		.authorizationUri("https://auth.example.com/oauth2/authorize")
		.tokenUri("https://auth.example.com/oauth2/token")
		.build();

	private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());

	private final SessionRefreshCoordinator coordinator = new SessionRefreshCoordinator(new LocalSessionTokensLock());

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRequestThatWaitedFindsTheTokensAnotherInstanceStoredMeanwhile() {
		MapSession stored = storedSession("access-2", "refresh-2", "bob");
		MockHttpServletRequest request = request(stored.getId(), "access-1", "refresh-1");

		String seen = this.coordinator.call(request, request.getSession(false), () -> accessToken(
				request.getSession(false).getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS)));

		assertThat(seen).isEqualTo("access-2");
	}

	@Test
	void refreshedTokensAreInTheStoreBeforeTheLockIsReleased() {
		MapSession stored = storedSession("access-1", "refresh-1", "alice");
		MockHttpServletRequest request = request(stored.getId(), "access-1", "refresh-1");

		this.coordinator.call(request, request.getSession(false), () -> {
			request.getSession(false)
				.setAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS, clients("access-2", "refresh-2"));
			return null;
		});

		assertThat(accessToken(
				this.store.findById(stored.getId()).getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS)))
			.isEqualTo("access-2");
	}

	@Test
	void aRefusedRefreshTokenThatAnotherInstanceRotatedAwayGivesWayToItsTokens() {
		MapSession stored = storedSession("access-2", "refresh-2", "alice-refreshed");
		MockHttpServletRequest request = request(stored.getId(), "access-1", "refresh-1");

		boolean adopted = this.coordinator.adoptRefreshedElsewhere(request, "cognito", "refresh-1");

		assertThat(adopted).isTrue();
		assertThat(accessToken(request.getSession(false).getAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS)))
			.isEqualTo("access-2");
		assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("alice-refreshed");
	}

	@Test
	void aRefusedRefreshTokenThatIsStillTheStoredOneEndsTheSessionAsBefore() {
		MapSession stored = storedSession("access-1", "refresh-1", "alice");
		MockHttpServletRequest request = request(stored.getId(), "access-1", "refresh-1");

		assertThat(this.coordinator.adoptRefreshedElsewhere(request, "cognito", "refresh-1")).isFalse();
	}

	@Test
	void withoutSpringSessionNothingIsReadAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession());

		assertThat(this.coordinator.adoptRefreshedElsewhere(request, "cognito", "refresh-1")).isFalse();
		assertThat(this.coordinator.call(request, request.getSession(false), () -> "ran")).isEqualTo("ran");
	}

	private MapSession storedSession(String accessToken, String refreshToken, String user) {
		MapSession session = this.store.createSession();
		session.setAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS, clients(accessToken, refreshToken));
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(new TestingAuthenticationToken(user, null, "ROLE_user")));
		this.store.save(session);
		return session;
	}

	private MockHttpServletRequest request(String sessionId, String accessToken, String refreshToken) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(SessionRepositoryFilter.SESSION_REPOSITORY_ATTR, this.store);
		MockHttpSession session = new MockHttpSession(null, sessionId);
		session.setAttribute(SessionRefreshCoordinator.AUTHORIZED_CLIENTS, clients(accessToken, refreshToken));
		request.setSession(session);
		return request;
	}

	private static Map<String, OAuth2AuthorizedClient> clients(String accessToken, String refreshToken) {
		Instant now = Instant.now();
		Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
		clients.put("cognito", new OAuth2AuthorizedClient(COGNITO, "alice",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(3600)),
				new OAuth2RefreshToken(refreshToken, now)));
		return clients;
	}

	private static String accessToken(Object clients) {
		return ((OAuth2AuthorizedClient) ((Map<?, ?>) clients).get("cognito")).getAccessToken().getTokenValue();
	}

}
