package io.github.cognitosso.autoconfigure.servlet.client;

import java.util.Locale;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A machine token goes to the client's base-url origin and its token-origins only:
 * {@code api} is the client's API, {@code elsewhere} a second server on another port
 * (another origin), standing for a host an attacker names in a URL the application builds
 * from a request.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientCredentialsTokenOriginTests extends ClientCredentialsWireMockSupport {

	/**
	 * What a Spring Security resource server answers for an expired JWT; an attacker can
	 * answer the same.
	 */
	private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"expired\"";

	@RegisterExtension
	static final WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@BeforeEach
	void cognitoIssuesTokens() {
		cognito.stubFor(post(TOKEN_PATH).willReturn(tokenResponse("machine-token-1", 3600)));
		api.stubFor(get("/orders").willReturn(okJson("[]")));
		elsewhere.stubFor(get("/collect").willReturn(okJson("{}")));
	}

	@Test
	void hostNamedByTheRequestNeverReceivesTheMachineToken(CapturedOutput output) {
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			orders.get().uri("/orders").retrieve().toBodilessEntity();
			for (int i = 0; i < 3; i++) {
				orders.get().uri(elsewhere.baseUrl() + "/collect").retrieve().toBodilessEntity();
			}
			api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization",
					equalTo("Bearer machine-token-1")));
			elsewhere.verify(exactly(3), getRequestedFor(urlEqualTo("/collect")).withHeader("Authorization", absent()));
			cognito.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
		String warning = "Cognito M2M client 'default' sent a request to " + elsewhere.baseUrl()
				+ " without its access token";
		assertThat(output.getOut().split(Pattern.quote(warning), -1)).as("one WARN per origin").hasSize(2);
		assertThat(output).contains("WARN")
			.contains("its token goes only to " + api.baseUrl())
			.contains("cognito.client-credentials.token-origins")
			.doesNotContain("machine-token-1");
	}

	@Test
	void foreignOriginAnsweringInvalidTokenGetsNoFreshTokenEither() {
		elsewhere.stubFor(
				get("/collect").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", INVALID_TOKEN)));
		runner().run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			HttpClientErrorException ex = catchThrowableOfType(HttpClientErrorException.class,
					() -> orders.get().uri(elsewhere.baseUrl() + "/collect").retrieve().toBodilessEntity());
			assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo("/collect")).withHeader("Authorization", absent()));
			cognito.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
		});
	}

	@Test
	void originListedInTokenOriginsReceivesTheToken() {
		runner().withPropertyValues("cognito.client-credentials.token-origins=" + elsewhere.baseUrl() + "/")
			.run((context) -> {
				RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
				orders.get().uri("/orders").retrieve().toBodilessEntity();
				orders.get().uri(elsewhere.baseUrl() + "/collect").retrieve().toBodilessEntity();
				api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization",
						equalTo("Bearer machine-token-1")));
				elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo("/collect")).withHeader("Authorization",
						equalTo("Bearer machine-token-1")));
			});
	}

	@Test
	void tokenOriginMatchesWhateverTheCaseOfItsSchemeAndHost() {
		String upperCase = elsewhere.baseUrl().toUpperCase(Locale.ROOT);
		runner().withPropertyValues("cognito.client-credentials.token-origins=" + upperCase).run((context) -> {
			RestClient orders = context.getBean("cognitoRestClient", RestClient.class);
			orders.get().uri(elsewhere.baseUrl() + "/collect").retrieve().toBodilessEntity();
			elsewhere.verify(exactly(1), getRequestedFor(urlEqualTo("/collect")).withHeader("Authorization",
					equalTo("Bearer machine-token-1")));
		});
	}

	@Test
	void clientWithoutBaseUrlOrTokenOriginsSendsItsTokenNowhere(CapturedOutput output) {
		runner().withPropertyValues("cognito.client-credentials.clients.inventory.scopes=inventory-api/read")
			.run((context) -> {
				CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
				RestClient inventory = RestClient.builder()
					.baseUrl(api.baseUrl())
					.requestInterceptor(m2m.interceptor("inventory"))
					.build();
				inventory.get().uri("/orders").retrieve().toBodilessEntity();
				api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", absent()));
				cognito.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
			});
		assertThat(output).contains("Cognito M2M client 'inventory' sent a request to " + api.baseUrl())
			.contains("the client has neither cognito.client-credentials.clients.inventory.base-url nor "
					+ "cognito.client-credentials.clients.inventory.token-origins");
	}

	@Test
	void namedClientSendsItsTokenToTheOriginsItLists() {
		runner()
			.withPropertyValues("cognito.client-credentials.clients.inventory.scopes=inventory-api/read",
					"cognito.client-credentials.clients.inventory.token-origins=" + api.baseUrl())
			.run((context) -> {
				CognitoClientCredentials m2m = context.getBean(CognitoClientCredentials.class);
				RestClient inventory = RestClient.builder()
					.baseUrl(api.baseUrl())
					.requestInterceptor(m2m.interceptor("inventory"))
					.build();
				inventory.get().uri("/orders").retrieve().toBodilessEntity();
				api.verify(exactly(1), getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization",
						equalTo("Bearer machine-token-1")));
			});
	}

	@Test
	void tokenOriginWithAPathFailsAtStartUp() {
		runner().withPropertyValues("cognito.client-credentials.token-origins=https://reports.example.com/api")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(CognitoConfigurationException.class)
					.hasMessageContaining("cognito.client-credentials.token-origins")
					.hasMessageContaining("https://reports.example.com/api");
			});
	}

}
