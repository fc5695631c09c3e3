package io.github.cognitosso.autoconfigure.reactive.login;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request works on its own copy of a stored WebSession (Spring Session's in-memory
 * repository copies as Redis does): under the refresh lock a request takes the tokens
 * another request stored after its copy was loaded, and after a refused refresh only when
 * the store holds another refresh token than the refused one.
 */
class StoredWebSessionsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ReactiveMapSessionRepository repository = new ReactiveMapSessionRepository(new ConcurrentHashMap<>());

	private final SpringSessionWebSessionStore<MapSession> webSessions = new SpringSessionWebSessionStore<>(
			this.repository);

	private final StoredWebSessions store = new StoredWebSessions(this.repository, null);

	@Test
	void aRequestThatLoadedItsSessionBeforeAnotherRefreshedTakesTheStoredTokens() {
		String id = storedSessionWith("access-1", "refresh-1");
		WebSession waited = this.webSessions.retrieveSession(id).block(TIMEOUT);
		WebSession refreshing = this.webSessions.retrieveSession(id).block(TIMEOUT);
		refreshing.getAttributes().put(StoredWebSessions.AUTHORIZED_CLIENTS, clients("access-2", "refresh-2"));
		this.store.flush(refreshing).block(TIMEOUT);

		this.store.reload(waited).block(TIMEOUT);

		assertThat(accessToken(waited)).isEqualTo("access-2");
	}

	@Test
	void aRefusedRefreshTokenThatTheStoreStillHoldsEndsTheSessionAndAReplacedOneIsTakenOver() {
		String id = storedSessionWith("access-1", "refresh-1");
		WebSession refused = this.webSessions.retrieveSession(id).block(TIMEOUT);

		assertThat(this.store.adoptRefreshedElsewhere(refused, "cognito", "refresh-1").block(TIMEOUT)).isFalse();

		WebSession elsewhere = this.webSessions.retrieveSession(id).block(TIMEOUT);
		elsewhere.getAttributes().put(StoredWebSessions.AUTHORIZED_CLIENTS, clients("access-2", "refresh-2"));
		this.store.flush(elsewhere).block(TIMEOUT);

		assertThat(this.store.adoptRefreshedElsewhere(refused, "cognito", "refresh-1").block(TIMEOUT)).isTrue();
		assertThat(accessToken(refused)).isEqualTo("access-2");
	}

	@Test
	void aSessionThatEndedIsNotWrittenBackByAFlush() {
		String id = storedSessionWith("access-1", "refresh-1");
		WebSession refreshing = this.webSessions.retrieveSession(id).block(TIMEOUT);
		this.repository.deleteById(id).block(TIMEOUT);

		this.store.flush(refreshing).block(TIMEOUT);

		assertThat(this.repository.findById(id).blockOptional(TIMEOUT)).isEmpty();
	}

	private String storedSessionWith(String accessToken, String refreshToken) {
		MapSession session = this.repository.createSession().block(TIMEOUT);
		session.setAttribute(StoredWebSessions.AUTHORIZED_CLIENTS, clients(accessToken, refreshToken));
		this.repository.save(session).block(TIMEOUT);
		return session.getId();
	}

	private static Map<String, OAuth2AuthorizedClient> clients(String accessToken, String refreshToken) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("cognito")
			.clientId("app-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example.com/login/oauth2/code/cognito")
			.authorizationUri("https://auth.example.com/oauth2/authorize")
			.tokenUri("https://auth.example.com/oauth2/token")
			.build();
		Instant now = Instant.now();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, "alice",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(3600)),
				new OAuth2RefreshToken(refreshToken, now));
		Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
		clients.put("cognito", client);
		return clients;
	}

	@SuppressWarnings("unchecked")
	private static String accessToken(WebSession session) {
		Map<String, OAuth2AuthorizedClient> clients = (Map<String, OAuth2AuthorizedClient>) session.getAttributes()
			.get(StoredWebSessions.AUTHORIZED_CLIENTS);
		return clients.get("cognito").getAccessToken().getTokenValue();
	}

}
