package io.github.cognitosso.autoconfigure.servlet.login;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class SessionSynchronizedAuthorizedClientManagerTests {

	private final BlockingManager delegate = new BlockingManager();

	private final SessionSynchronizedAuthorizedClientManager manager = synchronizedManager(this.delegate);

	@Test
	void requestsOfOneSessionObtainTokensOneAtATime() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Thread first = authorizeInBackground(session);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.delegate.entered.get() == 1);
		Thread second = authorizeInBackground(session);

		await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.WAITING);
		assertThat(this.delegate.entered).hasValue(1);

		this.delegate.release.countDown();
		first.join(10_000);
		second.join(10_000);
		assertThat(this.delegate.entered).hasValue(2);
		assertThat(this.delegate.maxConcurrent).hasValue(1);
	}

	@Test
	void requestsOfOneSessionIdWaitForEachOtherThoughEachHasItsOwnSessionObject() throws Exception {
		// Spring Session gives every request its own HttpSession object for the same
		// session.
		Thread first = authorizeInBackground(new MockHttpSession(null, "shared-session"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.delegate.entered.get() == 1);
		Thread second = authorizeInBackground(new MockHttpSession(null, "shared-session"));

		await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.WAITING);
		assertThat(this.delegate.entered).hasValue(1);

		this.delegate.release.countDown();
		first.join(10_000);
		second.join(10_000);
		assertThat(this.delegate.maxConcurrent).hasValue(1);
	}

	@Test
	void differentSessionsDoNotWaitForEachOther() throws Exception {
		Thread first = authorizeInBackground(new MockHttpSession());
		Thread second = authorizeInBackground(new MockHttpSession());

		await().atMost(Duration.ofSeconds(10)).until(() -> this.delegate.entered.get() == 2);
		assertThat(this.delegate.maxConcurrent).hasValue(2);

		this.delegate.release.countDown();
		first.join(10_000);
		second.join(10_000);
	}

	@Test
	void requestWithoutSessionIsDelegatedDirectly() {
		this.delegate.release.countDown();
		MockHttpServletRequest request = new MockHttpServletRequest();

		this.manager.authorize(authorizeRequest(request));

		assertThat(request.getSession(false)).isNull();
		assertThat(this.delegate.entered).hasValue(1);
	}

	@Test
	void refreshTokenCognitoNoLongerAcceptsSendsTheUserToSignInAgain() {
		OAuth2AuthorizedClientManager refused = (request) -> {
			throw new ClientAuthorizationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT), "cognito");
		};
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession());
		assertThatExceptionOfType(ClientAuthorizationRequiredException.class)
			.isThrownBy(() -> synchronizedManager(refused).authorize(authorizeRequest(request)))
			.satisfies((ex) -> assertThat(ex.getClientRegistrationId()).isEqualTo("cognito"));
	}

	@Test
	void otherTokenEndpointErrorsAreNotTurnedIntoSignIn() {
		OAuth2AuthorizedClientManager failing = (request) -> {
			throw new ClientAuthorizationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR), "cognito");
		};
		assertThatExceptionOfType(ClientAuthorizationException.class)
			.isThrownBy(() -> synchronizedManager(failing).authorize(authorizeRequest(new MockHttpServletRequest())))
			.isNotInstanceOf(ClientAuthorizationRequiredException.class);
	}

	private static SessionSynchronizedAuthorizedClientManager synchronizedManager(
			OAuth2AuthorizedClientManager delegate) {
		return new SessionSynchronizedAuthorizedClientManager(delegate,
				new HttpSessionOAuth2AuthorizedClientRepository(),
				new SessionRefreshCoordinator(new LocalSessionTokensLock()), Clock.systemUTC());
	}

	private Thread authorizeInBackground(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		Thread thread = new Thread(() -> this.manager.authorize(authorizeRequest(request)));
		thread.start();
		return thread;
	}

	private static OAuth2AuthorizeRequest authorizeRequest(HttpServletRequest request) {
		return OAuth2AuthorizeRequest.withClientRegistrationId("cognito")
			.principal("alice")
			.attribute(HttpServletRequest.class.getName(), request)
			.build();
	}

	/** Stands for a refresh in progress: holds each caller until released. */
	static final class BlockingManager implements OAuth2AuthorizedClientManager {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger entered = new AtomicInteger();

		final AtomicInteger concurrent = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		@Override
		public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest authorizeRequest) {
			this.entered.incrementAndGet();
			this.maxConcurrent.accumulateAndGet(this.concurrent.incrementAndGet(), Math::max);
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.concurrent.decrementAndGet();
			}
			return null;
		}

	}

}
