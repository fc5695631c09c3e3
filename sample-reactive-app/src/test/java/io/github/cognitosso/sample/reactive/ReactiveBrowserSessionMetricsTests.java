package io.github.cognitosso.sample.reactive;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive login's sign-ins, revocations and sign-outs as an operator counts them,
 * with the servlet login's meter names and outcomes ({@code cognito.browser.sessions} by
 * event and outcome, Cognito's error code as a failure's outcome), and its calls to
 * Cognito's token, userInfo and revoke endpoints as {@code cognito.session.request}
 * observations. WebFlux publishes no authentication or logout events, so these come from
 * the login's own pieces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator(config = "cognito-simulator.yml", clientId = "sample-client")
class ReactiveBrowserSessionMetricsTests {

	@LocalServerPort
	int port;

	@Autowired
	CognitoSimulator cognito;

	@Autowired
	MeterRegistry meters;

	final Browser browser = new Browser();

	@BeforeEach
	void forgetEarlierStubs() {
		this.cognito.wireMock().resetRequests();
	}

	@Test
	void aSignInAndASignOutAreCountedWithTheirCallsToCognito() {
		double signIns = sessions("sign_in", "success");
		double signOuts = sessions("sign_out", "success");
		double revocations = sessions("revocation", "success");
		long tokenCalls = requests("token", "success");
		long revokeCalls = requests("revoke", "success");

		this.browser.signIn(app("/me"), this.cognito.baseUrl(), "alice", "alice-password");
		MultiValueMap<String, String> form = Browser.hiddenFields(this.browser.navigate(app("/")).getResponseBody());
		EntityExchangeResult<String> logout = this.browser.post(app("/logout"), form);

		assertThat(logout.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(sessions("sign_in", "success")).isEqualTo(signIns + 1);
		assertThat(sessions("sign_out", "success")).isEqualTo(signOuts + 1);
		assertThat(sessions("revocation", "success")).isEqualTo(revocations + 1);
		assertThat(requests("token", "success")).isEqualTo(tokenCalls + 1);
		assertThat(requests("revoke", "success")).isEqualTo(revokeCalls + 1);
	}

	@Test
	void aSignInTheUserDeclinedIsCountedWithCognitosErrorCode() {
		double declined = sessions("sign_in", "access_denied");
		EntityExchangeResult<String> authorize = this.browser.follow(this.browser.navigate(app("/me")));
		String state = UriComponentsBuilder.fromUri(Browser.location(authorize))
			.build()
			.getQueryParams()
			.getFirst("state");

		EntityExchangeResult<String> callback = this.browser
			.navigate(app("/login/oauth2/code/cognito?error=access_denied&state=" + state));

		assertThat(callback.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(sessions("sign_in", "access_denied")).isEqualTo(declined + 1);
	}

	@Test
	void aRevocationCognitoRefusesIsCountedWithItsErrorCodeAndTheSignOutStillSucceeds() {
		double refused = sessions("revocation", "invalid_client");
		double signOuts = sessions("sign_out", "success");
		this.browser.signIn(app("/me"), this.cognito.baseUrl(), "alice", "alice-password");
		StubMapping refusal = this.cognito.wireMock()
			.stubFor(post(urlPathEqualTo("/oauth2/revoke")).atPriority(1)
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"invalid_client\"}")));
		try {
			MultiValueMap<String, String> form = Browser
				.hiddenFields(this.browser.navigate(app("/")).getResponseBody());
			this.browser.post(app("/logout"), form);
		}
		finally {
			this.cognito.wireMock().removeStub(refusal);
		}

		assertThat(sessions("revocation", "invalid_client")).isEqualTo(refused + 1);
		assertThat(requests("revoke", "invalid_client")).isPositive();
		assertThat(sessions("sign_out", "success")).isEqualTo(signOuts + 1);
	}

	private double sessions(String event, String outcome) {
		Counter counter = this.meters.find("cognito.browser.sessions")
			.tag("event", event)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long requests(String endpoint, String outcome) {
		Timer timer = this.meters.find("cognito.session.request")
			.tag("endpoint", endpoint)
			.tag("outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

}
