package io.github.cognitosso.autoconfigure.servlet.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.cognitosso.autoconfigure.ClientAuthenticationMethod;
import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import io.github.cognitosso.autoconfigure.core.ClientCredentialsSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientCredentialsSettingsResolverTests {

	private static final String SECRET = "s3cr3t-never-shown-1234567890abcdefghijklmnopqrstuv";

	@Test
	void nothingUnderClientCredentialsMeansNoClients() {
		assertThat(resolve("cognito.domain=my-app", "cognito.client-id=login", "cognito.client-secret=" + SECRET))
			.isEmpty();
	}

	@Test
	void enabledFalseWinsOverConfiguredValues() {
		assertThat(resolve("cognito.domain=my-app", "cognito.client-credentials.enabled=false",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET))
			.isEmpty();
	}

	@Test
	void defaultClientTakesIdAndSecretFromTheAppClientSettings() {
		ClientCredentialsSettings client = single(resolve("cognito.domain=my-app", "cognito.client-id=m2m",
				"cognito.client-secret=" + SECRET, "cognito.client-credentials.scopes=orders-api/read"));
		assertThat(client.name()).isEqualTo("default");
		assertThat(client.clientId()).isEqualTo("m2m");
		assertThat(client.clientSecret()).isEqualTo(SECRET);
		assertThat(client.tokenUri())
			.isEqualTo(URI.create("https://my-app.auth.us-east-2.amazoncognito.com/oauth2/token"));
	}

	@Test
	void defaultsAreBasicAuthenticationSixtySecondMarginAndBoundedTimeouts() {
		ClientCredentialsSettings client = single(resolve("cognito.domain=my-app",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET));
		assertThat(client.authenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(client.expiryMargin()).isEqualTo(Duration.ofSeconds(60));
		assertThat(client.tokenConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(client.tokenReadTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(client.scopes()).isEmpty();
	}

	@Test
	void anotherAppClientDoesNotInheritTheLoginSecret() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-id=login",
					"cognito.client-secret=" + SECRET, "cognito.client-credentials.client-id=m2m"))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.client-secret");
				assertThat(ex.getValue()).isNull();
				assertThat(ex.getMessage()).contains("m2m").doesNotContain(SECRET);
			});
	}

	@Test
	void clientWithoutSecretFailsNamingTheSecretProperty() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m"))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.client-secret"));
	}

	@Test
	void clientWithoutAnyClientIdFailsNamingTheClientIdProperty() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.scopes=orders-api/read"))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.client-id"));
	}

	@Test
	void namedClientInheritsEverythingButTheBaseUrl() {
		List<ClientCredentialsSettings> clients = resolve("cognito.domain=my-app",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET,
				"cognito.client-credentials.scopes=orders-api/read",
				"cognito.client-credentials.client-authentication-method=client-secret-post",
				"cognito.client-credentials.expiry-margin=2m",
				"cognito.client-credentials.base-url=https://orders.example.com",
				"cognito.client-credentials.clients.inventory.scopes=inventory-api/read");
		assertThat(clients).extracting(ClientCredentialsSettings::name).containsExactly("default", "inventory");
		ClientCredentialsSettings inventory = clients.get(1);
		assertThat(inventory.clientId()).isEqualTo("m2m");
		assertThat(inventory.clientSecret()).isEqualTo(SECRET);
		assertThat(inventory.scopes()).containsExactly("inventory-api/read");
		assertThat(inventory.authenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(inventory.expiryMargin()).isEqualTo(Duration.ofMinutes(2));
		assertThat(inventory.propertyPrefix()).isEqualTo("cognito.client-credentials.clients.inventory.");
		assertThat(inventory.baseUrl()).isNull();
	}

	@Test
	void namedClientWithItsOwnAppClientNeedsItsOwnSecret() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.clients.billing.client-id=other"))
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("cognito.client-credentials.clients.billing.client-secret"));
	}

	@Test
	void onlyNamedClientsMeansNoDefaultClient() {
		List<ClientCredentialsSettings> clients = resolve("cognito.domain=my-app",
				"cognito.client-credentials.clients.orders.client-id=m2m",
				"cognito.client-credentials.clients.orders.client-secret=" + SECRET);
		assertThat(clients).extracting(ClientCredentialsSettings::name).containsExactly("orders");
	}

	@Test
	void scopesMayBeSpaceSeparatedAsCognitoWritesThem() {
		ClientCredentialsSettings client = single(resolve("cognito.domain=my-app",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET,
				"cognito.client-credentials.scopes=orders-api/read orders-api/write, orders-api/read"));
		assertThat(client.scopes()).containsExactly("orders-api/read", "orders-api/write");
	}

	@Test
	void builtInScopeIsRejected() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.scopes=openid,email"))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.scopes");
				assertThat(ex.getValue()).isEqualTo("openid,email");
				assertThat(ex.getProblem()).contains("'openid' is a built-in Cognito scope");
			});
	}

	@Test
	void builtInScopeOfANamedClientIsRejectedWithItsProperty() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.clients.admin.scopes=aws.cognito.signin.user.admin"))
			.satisfies(
					(ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.clients.admin.scopes"));
	}

	@Test
	void scopeWithoutResourceServerIsRejected() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET, "cognito.client-credentials.scopes=read"))
			.satisfies((ex) -> assertThat(ex.getProblem()).contains("'read' is not a Cognito custom scope"));
	}

	@Test
	void withoutDomainOrTokenEndpointFailsNamingTheDomain() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("cognito.domain");
				assertThat(ex.getAction()).contains("cognito.endpoints.token-uri");
			});
	}

	@Test
	void tokenEndpointOverrideIsEnoughWithoutDomain() {
		ClientCredentialsSettings client = single(resolve(
				"cognito.endpoints.token-uri=http://localhost:9229/oauth2/token",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET));
		assertThat(client.tokenUri()).isEqualTo(URI.create("http://localhost:9229/oauth2/token"));
	}

	@Test
	void loginClientExplicitlyUsedForLoginCannotBeTheMachineClient() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(
					() -> resolve("cognito.domain=my-app", "cognito.client-id=web", "cognito.client-secret=" + SECRET,
							"cognito.login.enabled=true", "cognito.client-credentials.scopes=orders-api/read"))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.client-id");
				assertThat(ex.getValue()).isEqualTo("web");
				assertThat(ex.getProblem()).contains("authorization code grant");
			});
	}

	@Test
	void namedClientCannotBeCalledDefault() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.clients.default.scopes=orders-api/read"))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.clients.default"));
	}

	@Test
	void negativeExpiryMarginIsRejected() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.expiry-margin=-5s"))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.expiry-margin"));
	}

	@Test
	void zeroTokenReadTimeoutIsRejected() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.clients.slow.token-read-timeout=0s"))
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("cognito.client-credentials.clients.slow.token-read-timeout"));
	}

	@Test
	void relativeBaseUrlIsRejected() {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> resolve("cognito.domain=my-app", "cognito.client-credentials.client-id=m2m",
					"cognito.client-credentials.client-secret=" + SECRET,
					"cognito.client-credentials.base-url=orders.example.com"))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cognito.client-credentials.base-url"));
	}

	@Test
	void settingsNeverPrintTheSecret() {
		ClientCredentialsSettings client = single(resolve("cognito.domain=my-app",
				"cognito.client-credentials.client-id=m2m", "cognito.client-credentials.client-secret=" + SECRET));
		assertThat(client.toString()).contains("m2m").doesNotContain(SECRET);
	}

	private static ClientCredentialsSettings single(List<ClientCredentialsSettings> clients) {
		assertThat(clients).hasSize(1);
		return clients.get(0);
	}

	private static List<ClientCredentialsSettings> resolve(String... pairs) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("cognito.user-pool-id", "us-east-2_mLoGHJpOs");
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			source.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		Binder binder = new Binder(source);
		CognitoProperties properties = binder.bind("cognito", CognitoProperties.class)
			.orElseGet(CognitoProperties::new);
		CognitoClientCredentialsProperties clientCredentials = binder
			.bind("cognito.client-credentials", CognitoClientCredentialsProperties.class)
			.orElseGet(CognitoClientCredentialsProperties::new);
		Boolean loginEnabled = binder.bind("cognito.login.enabled", Boolean.class).orElse(null);
		// As the starter does: checked when bound, then resolved.
		CognitoClientCredentialsPropertiesValidator.validate(properties, clientCredentials, loginEnabled,
				properties.toEndpoints(), ClientCredentialsSettingsResolverTests.class.getClassLoader());
		return ClientCredentialsSettingsResolver.resolve(properties, clientCredentials, properties.toEndpoints());
	}

}
