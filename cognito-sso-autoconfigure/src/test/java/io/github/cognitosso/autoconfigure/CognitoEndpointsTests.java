package io.github.cognitosso.autoconfigure;

import java.net.URI;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.cognitosso.autoconfigure.CognitoEndpoints.IssuerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoEndpointsTests {

	private static final String POOL = "us-east-2_mLoGHJpOs";

	/**
	 * Each row: a scenario, the settings, and the URLs they must produce (null: the
	 * endpoint is absent).
	 */
	static Stream<Arguments> derivations() {
		return Stream.of(
				row("prefix domain, region from pool id", (b) -> b.userPoolId(POOL).domain("my-app"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://my-app.auth.us-east-2.amazoncognito.com"),
				row("custom domain host", (b) -> b.userPoolId(POOL).domain("auth.example.com"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://auth.example.com"),
				row("full https URL without trailing slash",
						(b) -> b.userPoolId(POOL).domain("https://auth.example.com"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://auth.example.com"),
				row("full https URL with trailing slash", (b) -> b.userPoolId(POOL).domain("https://auth.example.com/"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://auth.example.com"),
				row("full prefix-domain URL pasted from the console",
						(b) -> b.userPoolId(POOL).domain("https://my-app.auth.us-east-2.amazoncognito.com/"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://my-app.auth.us-east-2.amazoncognito.com"),
				row("explicit region that agrees with the pool id",
						(b) -> b.userPoolId(POOL).region("us-east-2").domain("my-app"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://my-app.auth.us-east-2.amazoncognito.com"),
				row("China (Beijing) uses the amazonaws.com.cn suffix",
						(b) -> b.userPoolId("cn-north-1_AbCdEfGhI").domain("my-app"),
						"https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbCdEfGhI",
						"https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbCdEfGhI/.well-known/jwks.json",
						"https://my-app.auth.cn-north-1.amazoncognito.com.cn"),
				row("China (Ningxia) uses the amazonaws.com.cn suffix", (b) -> b.userPoolId("cn-northwest-1_AbCdEfGhI"),
						"https://cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-northwest-1_AbCdEfGhI",
						"https://cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-northwest-1_AbCdEfGhI/.well-known/jwks.json",
						null),
				row("GovCloud serves the managed login on auth-fips",
						(b) -> b.userPoolId("us-gov-west-1_AbCdEfGhI").domain("my-agency"),
						"https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbCdEfGhI",
						"https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbCdEfGhI/.well-known/jwks.json",
						"https://my-agency.auth-fips.us-gov-west-1.amazoncognito.com"),
				row("multi-Region issuer type", (b) -> b.userPoolId(POOL).issuerType(IssuerType.MULTI_REGION),
						"https://issuer-cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://issuer-cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						null),
				row("issuer override moves discovery and JWKS (cognito-local)",
						(b) -> b.userPoolId("local_abc12345")
							.issuerUri("http://localhost:9229/local_abc12345")
							.domain("http://localhost:9229"),
						"http://localhost:9229/local_abc12345",
						"http://localhost:9229/local_abc12345/.well-known/jwks.json", "http://localhost:9229"),
				row("issuer override with a trailing slash",
						(b) -> b.userPoolId(POOL).issuerUri("http://127.0.0.1:8089/us-east-2_mLoGHJpOs/"),
						"http://127.0.0.1:8089/us-east-2_mLoGHJpOs",
						"http://127.0.0.1:8089/us-east-2_mLoGHJpOs/.well-known/jwks.json", null),
				row("JWKS override wins over the issuer",
						(b) -> b.userPoolId(POOL).jwkSetUri("http://127.0.0.1:8089/keys"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs", "http://127.0.0.1:8089/keys",
						null),
				row("domain URL with a base path for a test server",
						(b) -> b.userPoolId(POOL).domain("http://127.0.0.1:8089/cognito/"),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"http://127.0.0.1:8089/cognito"),
				row("no domain: API-only application", (b) -> b.userPoolId("eu-central-1_AbCdEfGhI"),
						"https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEfGhI",
						"https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEfGhI/.well-known/jwks.json",
						null),
				row("values are trimmed", (b) -> b.userPoolId("  " + POOL + " ").domain(" my-app "),
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs",
						"https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs/.well-known/jwks.json",
						"https://my-app.auth.us-east-2.amazoncognito.com"));
	}

	private static Arguments row(String scenario, UnaryOperator<CognitoEndpoints.Builder> settings, String issuer,
			String jwks, String domain) {
		return Arguments.of(scenario, settings, issuer, jwks, domain);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("derivations")
	void derivesEveryUrlFromThePoolAndDomain(String scenario, UnaryOperator<CognitoEndpoints.Builder> settings,
			String issuer, String jwks, String domain) {
		CognitoEndpoints endpoints = settings.apply(CognitoEndpoints.builder()).build();
		assertThat(endpoints.issuer()).hasToString(issuer);
		assertThat(endpoints.discovery()).hasToString(issuer + "/.well-known/openid-configuration");
		assertThat(endpoints.jwkSet()).hasToString(jwks);
		if (domain == null) {
			assertThat(endpoints.domain()).isEmpty();
			assertThat(endpoints.authorization()).isEmpty();
			assertThat(endpoints.token()).isEmpty();
			assertThat(endpoints.logout()).isEmpty();
		}
		else {
			assertThat(endpoints.domain()).contains(URI.create(domain));
			assertThat(endpoints.authorization()).contains(URI.create(domain + "/oauth2/authorize"));
			assertThat(endpoints.token()).contains(URI.create(domain + "/oauth2/token"));
			assertThat(endpoints.userInfo()).contains(URI.create(domain + "/oauth2/userInfo"));
			assertThat(endpoints.revocation()).contains(URI.create(domain + "/oauth2/revoke"));
			assertThat(endpoints.logout()).contains(URI.create(domain + "/logout"));
		}
	}

	/**
	 * Each row: a scenario, the settings, the property the error must name, and a
	 * fragment of its explanation.
	 */
	static Stream<Arguments> rejections() {
		return Stream.of(bad("missing pool id", (b) -> b, "cognito.user-pool-id", "no user pool id"),
				bad("pool id without underscore", (b) -> b.userPoolId("us-east-2mLoGHJpOs"), "cognito.user-pool-id",
						"<region>_<id>"),
				bad("pool id with a hyphen in the id part", (b) -> b.userPoolId("us-east-2_mLoG-HJpOs"),
						"cognito.user-pool-id", "<region>_<id>"),
				bad("pool id that is a client id", (b) -> b.userPoolId("2or4cs8bjo1lkbq6143tqp6ist"),
						"cognito.user-pool-id", "<region>_<id>"),
				bad("emulator pool without issuer override", (b) -> b.userPoolId("local_abc12345"),
						"cognito.user-pool-id", "not an AWS region"),
				bad("region contradicting the pool id", (b) -> b.userPoolId(POOL).region("eu-west-1"), "cognito.region",
						"lives in region us-east-2"),
				bad("region that is not a region", (b) -> b.userPoolId(POOL).region("Ohio"), "cognito.region",
						"not an AWS region"),
				bad("prefix with uppercase letters", (b) -> b.userPoolId(POOL).domain("My-App"), "cognito.domain",
						"lowercase letters"),
				bad("prefix with an underscore", (b) -> b.userPoolId(POOL).domain("my_app"), "cognito.domain",
						"lowercase letters"),
				bad("prefix with reserved word aws", (b) -> b.userPoolId(POOL).domain("my-aws-app"), "cognito.domain",
						"reserved words"),
				bad("prefix with reserved word amazon", (b) -> b.userPoolId(POOL).domain("amazonshop"),
						"cognito.domain", "reserved words"),
				bad("prefix with reserved word cognito", (b) -> b.userPoolId(POOL).domain("mycognito"),
						"cognito.domain", "reserved words"),
				bad("plain http domain on a public host", (b) -> b.userPoolId(POOL).domain("http://auth.example.com"),
						"cognito.domain", "HTTPS only"),
				bad("domain URL with a query", (b) -> b.userPoolId(POOL).domain("https://auth.example.com/?a=b"),
						"cognito.domain", "query"),
				bad("issuer override that is not a URL", (b) -> b.userPoolId(POOL).issuerUri("localhost:9229"),
						"cognito.issuer-uri", "absolute http(s) URL"));
	}

	private static Arguments bad(String scenario, UnaryOperator<CognitoEndpoints.Builder> settings, String property,
			String problem) {
		return Arguments.of(scenario, settings, property, problem);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejections")
	void rejectsSettingsThatCannotWork(String scenario, UnaryOperator<CognitoEndpoints.Builder> settings,
			String property, String problem) {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> settings.apply(CognitoEndpoints.builder()).build())
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getProblem()).contains(problem);
				assertThat(ex.getAction()).isNotBlank();
			});
	}

	@Test
	void derivedIssuerAcceptsBothIssuerFormsOfThePool() {
		CognitoEndpoints endpoints = CognitoEndpoints.builder().userPoolId(POOL).build();
		assertThat(endpoints.acceptedIssuers()).containsExactly(
				URI.create("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs"),
				URI.create("https://issuer-cognito-idp.us-east-2.amazonaws.com/us-east-2_mLoGHJpOs"));
	}

	@Test
	void issuerOverrideIsTheOnlyAcceptedIssuer() {
		CognitoEndpoints endpoints = CognitoEndpoints.builder()
			.userPoolId(POOL)
			.issuerUri("http://localhost:9229/local_abc")
			.build();
		assertThat(endpoints.acceptedIssuers()).containsExactly(URI.create("http://localhost:9229/local_abc"));
	}

	@Test
	void singleEndpointOverridesReplaceOnlyThatEndpoint() {
		CognitoEndpoints endpoints = CognitoEndpoints.builder()
			.userPoolId(POOL)
			.domain("my-app")
			.tokenUri("http://127.0.0.1:8089/token")
			.logoutUri("http://127.0.0.1:8089/bye")
			.discoveryUri("http://127.0.0.1:8089/discovery")
			.build();
		assertThat(endpoints.token()).contains(URI.create("http://127.0.0.1:8089/token"));
		assertThat(endpoints.logout()).contains(URI.create("http://127.0.0.1:8089/bye"));
		assertThat(endpoints.discovery()).hasToString("http://127.0.0.1:8089/discovery");
		assertThat(endpoints.authorization())
			.contains(URI.create("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/authorize"));
	}

	@Test
	void regionIsReportedForAwsPoolsOnly() {
		assertThat(CognitoEndpoints.builder().userPoolId(POOL).build().region()).contains("us-east-2");
		assertThat(CognitoEndpoints.builder()
			.userPoolId("local_abc12345")
			.issuerUri("http://localhost:9229/local_abc12345")
			.build()
			.region()).isEmpty();
	}

}
