package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;

import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins, revocations and sign-outs as an operator counts them
 * ({@code cognito.browser.sessions} by event and outcome, Cognito's error code as the
 * outcome of a failure), and the session's calls to Cognito's token, userInfo and revoke
 * endpoints as {@code cognito.session.request} observations.
 */
class BrowserSessionMetricsFlowTests extends LoginFlowTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aSignInAndASignOutAreCountedWithTheirCallsToCognito() {
		double signIns = sessions("sign_in", "success");
		double signOuts = sessions("sign_out", "success");
		double revocations = sessions("revocation", "success");
		long tokenCalls = requests("token", "success");

		signIn(CognitoUser.alice());
		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(sessions("sign_in", "success")).isEqualTo(signIns + 1);
		assertThat(sessions("sign_out", "success")).isEqualTo(signOuts + 1);
		assertThat(sessions("revocation", "success")).isEqualTo(revocations + 1);
		assertThat(requests("token", "success")).isEqualTo(tokenCalls + 1);
		assertThat(requests("revoke", "success")).isPositive();
	}

	@Test
	void aSignInTheUserDeclinedIsCountedWithCognitosErrorCode() {
		double declined = sessions("sign_in", "access_denied");
		cognito.stubAuthorize(aResponse().withStatus(302)
			.withHeader("Location",
					"{{request.query.redirect_uri}}?error=access_denied&error_description=User+cancelled&state={{request.query.state}}")
			.withTransformers("response-template"));

		HttpResponse<String> answer = completeSignIn(startSignIn("/me"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(sessions("sign_in", "access_denied")).isEqualTo(declined + 1);
	}

	@Test
	void aRevocationCognitoRefusesIsCountedWithItsErrorCode() {
		double refused = sessions("revocation", "invalid_client");
		signIn(CognitoUser.alice());
		cognito.stubRevoke(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\"}"));

		this.browser.post(app("/logout"), csrfField());

		assertThat(sessions("revocation", "invalid_client")).isEqualTo(refused + 1);
		assertThat(requests("revoke", "invalid_client")).isPositive();
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

}
