package io.github.cognitosso.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CognitoAutoConfigurationTests {

	private static final String SECRET = "Sup3rS3cretClientSecretValue0123456789abcdefghijklm";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class));

	@Test
	void derivesEndpointsFromThreeProperties() {
		this.runner
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
					"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist")
			.run((context) -> {
				CognitoEndpoints endpoints = context.getBean(CognitoEndpoints.class);
				assertThat(endpoints.issuer())
					.hasToString("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs");
				assertThat(endpoints.authorization()).hasValueSatisfying((uri) -> assertThat(uri)
					.hasToString("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize"));
			});
	}

	@Test
	void backsOffWithoutUserPoolId() {
		this.runner.withPropertyValues("cognito.domain=my-app", "cognito.client-id=abc")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CognitoEndpoints.class)
				.doesNotHaveBean(CognitoProperties.class));
	}

	@Test
	void backsOffWhenUserPoolIdIsEmpty() {
		this.runner.withPropertyValues("cognito.user-pool-id=", "cognito.domain=my-app")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoEndpoints.class));
	}

	@Test
	void backsOffWhenDisabledEvenWithBadSettings() {
		this.runner.withPropertyValues("cognito.enabled=false", "cognito.user-pool-id=not-a-pool")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CognitoEndpoints.class)
				.doesNotHaveBean(CognitoProperties.class));
	}

	@Test
	void userDefinedEndpointsReplaceTheDerivedOnes() {
		CognitoEndpoints own = CognitoEndpoints.builder().userPoolId("eu-west-1_AbCdEfGhI").build();
		this.runner.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs")
			.withBean(CognitoEndpoints.class, () -> own)
			.run((context) -> assertThat(context.getBean(CognitoEndpoints.class)).isSameAs(own));
	}

	@Test
	void applicationWithItsOwnEndpointsStillGetsTheConfigurationCheck() {
		CognitoEndpoints own = CognitoEndpoints.builder().userPoolId("us-east-2_mLoGHJpOs").domain("my-app").build();
		this.runner.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=My_App")
			.withBean(CognitoEndpoints.class, () -> own)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(
						new CognitoConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
					.contains("Property: cognito.domain\n    Value: \"My_App\"");
			});
	}

	@Test
	void browserLoginIsCheckedAgainstTheApplicationsOwnEndpoints() {
		CognitoEndpoints withoutDomain = CognitoEndpoints.builder().userPoolId("us-east-2_mLoGHJpOs").build();
		this.runner
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
					"cognito.client-id=abc", "cognito.login.enabled=true")
			.withBean(CognitoEndpoints.class, () -> withoutDomain)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(
						new CognitoConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
					.contains("Property: cognito.domain\n    Reason: browser login is enabled");
			});
	}

	@Test
	void applicationsOwnEndpointsWithADomainServeBrowserLoginWithoutCognitoDomain() {
		CognitoEndpoints own = CognitoEndpoints.builder()
			.userPoolId("us-east-2_mLoGHJpOs")
			.domain("https://auth.example.com")
			.build();
		this.runner
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=abc",
					"cognito.login.enabled=true")
			.withBean(CognitoEndpoints.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void logsIssuerAndDomainOnceAtStartupWithoutTheSecret(CapturedOutput output) {
		this.runner
			.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
					"cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Amazon Cognito user pool us-east-2_mLoGHJpOs: issuer "
				+ "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs, domain "
				+ "https://my-app.auth.us-east-2.amazoncognito.com");
		assertThat(output).doesNotContain(SECRET);
	}

	/**
	 * Each row: a scenario, the settings, what the failure report's description must
	 * contain, and what its action must contain. Every configuration also carries the
	 * client secret, which no report may show.
	 */
	static Stream<Arguments> badConfigurations() {
		return Stream.of(
				Arguments.of("malformed pool id", new String[] { "cognito.user-pool-id=us-east-2-mLoGHJpOs" },
						"Property: cognito.user-pool-id\n    Value: \"us-east-2-mLoGHJpOs\"",
						"Copy the pool id from the Amazon Cognito console"),
				Arguments.of("region contradicts the pool id",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.region=eu-west-1" },
						"Property: cognito.region\n    Value: \"eu-west-1\"\n    Reason: user pool us-east-2_mLoGHJpOs "
								+ "lives in region us-east-2",
						"Remove cognito.region (it is derived from the pool id) or set it to us-east-2."),
				Arguments.of("secret without client id",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=" },
						"Property: cognito.client-secret\n    Reason: a client secret is set but cognito.client-id is not",
						"Set cognito.client-id to the id of the app client this secret belongs to"),
				Arguments.of("offline_access among the scopes",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=abc",
								"cognito.scopes=openid,email,offline_access" },
						"Property: cognito.scopes\n    Value: \"openid,email,offline_access\"\n    Reason: offline_access "
								+ "is not a Cognito scope",
						"Remove offline_access from cognito.scopes."),
				Arguments.of("domain prefix with invalid characters",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=My_App" },
						"Property: cognito.domain\n    Value: \"My_App\"\n    Reason: a Cognito domain prefix may contain "
								+ "only lowercase letters, digits and hyphens",
						"Use the prefix exactly as shown under App integration > Domain"),
				Arguments.of("domain prefix with a reserved word",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=shop-cognito" },
						"Property: cognito.domain\n    Value: \"shop-cognito\"\n    Reason: Cognito domain prefixes may "
								+ "not contain the reserved words aws, amazon or cognito ('cognito' found)",
						"Use the prefix exactly as shown in the Amazon Cognito console"),
				Arguments.of("http callback URL for a public host",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
								"cognito.client-id=abc",
								"cognito.login.redirect-uri=http://app.example.com/login/oauth2/code/cognito" },
						"Property: cognito.login.redirect-uri\n    Value: \"http://app.example.com/login/oauth2/code/cognito\""
								+ "\n    Reason: Cognito accepts callback URLs only over https, except http://localhost.",
						"Use https://app.example.com/login/oauth2/code/cognito and register it as a callback URL"),
				Arguments.of("http sign-out URL for a public host",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
								"cognito.client-id=abc", "cognito.logout.logout-uri=http://app.example.com/bye" },
						"Property: cognito.logout.logout-uri\n    Value: \"http://app.example.com/bye\"\n    Reason: "
								+ "Cognito accepts sign-out URLs only over https, except http://localhost.",
						"Use https://app.example.com/bye and register it as a sign-out URL"),
				Arguments.of("browser login without a domain",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=abc",
								"cognito.login.enabled=true" },
						"Property: cognito.domain\n    Reason: browser login is enabled (cognito.login.enabled=true) but "
								+ "the user pool has no domain",
						"Set cognito.domain to the pool's domain prefix (my-app) or custom domain (auth.example.com), "
								+ "or set cognito.login.enabled=false"),
				Arguments.of("browser login with overridden authorize and token endpoints but no logout endpoint",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=abc",
								"cognito.endpoints.authorization-uri=http://localhost:9229/oauth2/authorize",
								"cognito.endpoints.token-uri=http://localhost:9229/oauth2/token" },
						"Property: cognito.endpoints.logout-uri\n    Reason: logout ends the Cognito session",
						"Set cognito.domain (or cognito.endpoints.logout-uri)."),
				Arguments.of("browser login that revokes refresh tokens without a revocation endpoint",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=abc",
								"cognito.endpoints.authorization-uri=http://localhost:9229/oauth2/authorize",
								"cognito.endpoints.token-uri=http://localhost:9229/oauth2/token",
								"cognito.endpoints.logout-uri=http://localhost:9229/logout" },
						"Property: cognito.endpoints.revocation-uri\n    Reason: logout revokes the refresh token",
						"or set cognito.logout.revoke-refresh-token=false."),
				Arguments.of("browser login without a client id",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.domain=my-app",
								"cognito.client-id=", "cognito.client-secret=", "cognito.login.enabled=true" },
						"Property: cognito.client-id\n    Reason: browser login is enabled but no app client id is set.",
						"Set cognito.client-id to the id of the app client used for login"),
				Arguments.of("plain http domain for a public host",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs",
								"cognito.domain=http://auth.example.com" },
						"Property: cognito.domain\n    Value: \"http://auth.example.com\"\n    Reason: Cognito domains are "
								+ "served over HTTPS only",
						"Use https://auth.example.com."),
				Arguments.of("client secret from an environment variable that is not set",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs",
								"cognito.client-secret=${COGNITO_SSO_TEST_UNSET_SECRET}" },
						"Property: cognito.client-secret\n    Value: \"unresolved placeholder "
								+ "${COGNITO_SSO_TEST_UNSET_SECRET}\"\n    Reason: nothing named "
								+ "COGNITO_SSO_TEST_UNSET_SECRET is set",
						"Set the environment variable COGNITO_SSO_TEST_UNSET_SECRET"),
				Arguments.of("client id from an environment variable that is not set",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs",
								"cognito.client-id=${COGNITO_SSO_TEST_UNSET_ID}" },
						"Property: cognito.client-id\n    Value: \"unresolved placeholder "
								+ "${COGNITO_SSO_TEST_UNSET_ID}\"",
						"Set the environment variable COGNITO_SSO_TEST_UNSET_ID"),
				Arguments.of("machine client secret from an environment variable that is not set",
						new String[] { "cognito.user-pool-id=us-east-2_mLoGHJpOs",
								"cognito.client-credentials.client-id=1nh91q0q1bgimb7pc79uh2btqe",
								"cognito.client-credentials.client-secret=${COGNITO_SSO_TEST_UNSET_M2M}" },
						"Property: cognito.client-credentials.client-secret\n    Value: \"unresolved placeholder "
								+ "${COGNITO_SSO_TEST_UNSET_M2M}\"",
						"Set the environment variable COGNITO_SSO_TEST_UNSET_M2M"),
				Arguments.of("named machine client id from an environment variable that is not set", new String[] {
						"cognito.user-pool-id=us-east-2_mLoGHJpOs",
						"cognito.client-credentials.clients.billing.client-id=${COGNITO_SSO_TEST_UNSET_BILLING}" },
						"Property: cognito.client-credentials.clients.billing.client-id\n    Value: \"unresolved "
								+ "placeholder ${COGNITO_SSO_TEST_UNSET_BILLING}\"",
						"Set the environment variable COGNITO_SSO_TEST_UNSET_BILLING"),
				Arguments.of("emulator pool without issuer override",
						new String[] { "cognito.user-pool-id=local_abc12345" },
						"Property: cognito.user-pool-id\n    Value: \"local_abc12345\"\n    Reason: 'local' is not an AWS "
								+ "region",
						"For a local emulator set cognito.issuer-uri to its issuer, for example "
								+ "http://localhost:9229/local_abc12345"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badConfigurations")
	void badConfigurationStopsStartupWithAnExplanation(String scenario, String[] properties, String description,
			String action) {
		this.runner
			.withPropertyValues("cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist", "cognito.client-secret=" + SECRET)
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new CognitoConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("failure analysis").isNotNull();
				assertThat(analysis.getDescription()).startsWith("The Amazon Cognito configuration cannot work:")
					.contains(description)
					.doesNotContain(SECRET);
				assertThat(analysis.getAction()).contains(action).doesNotContain(SECRET);
			});
	}

}
