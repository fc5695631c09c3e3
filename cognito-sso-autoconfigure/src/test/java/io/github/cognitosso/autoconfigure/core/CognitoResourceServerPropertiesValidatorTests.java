package io.github.cognitosso.autoconfigure.core;

import java.time.Duration;

import io.github.cognitosso.autoconfigure.CognitoConfigurationException;
import io.github.cognitosso.autoconfigure.CognitoProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoResourceServerPropertiesValidatorTests {

	private CognitoProperties properties;

	private CognitoResourceServerProperties resourceServer;

	@BeforeEach
	void properties() {
		this.properties = new CognitoProperties();
		this.resourceServer = new CognitoResourceServerProperties();
		this.properties.setUserPoolId(TestTokens.POOL_ID);
		this.properties.setClientId(TestTokens.CLIENT_ID);
	}

	private void assertRefused(String property) {
		assertThatExceptionOfType(CognitoConfigurationException.class)
			.isThrownBy(() -> CognitoResourceServerPropertiesValidator.validate(this.properties, this.resourceServer))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property));
	}

	@Test
	void theDefaultsPass() {
		assertThatCode(() -> CognitoResourceServerPropertiesValidator.validate(this.properties, this.resourceServer))
			.doesNotThrowAnyException();
	}

	@Test
	void noAcceptedAppClientIsAConfigurationError() {
		this.properties.setClientId(null);
		assertRefused("cognito.resource-server.accepted-client-ids");
	}

	@Test
	void acceptingAnyClientNeedsNoAppClient() {
		this.properties.setClientId(null);
		this.resourceServer.setAcceptAnyClient(true);
		assertThatCode(() -> CognitoResourceServerPropertiesValidator.validate(this.properties, this.resourceServer))
			.doesNotThrowAnyException();
	}

	@Test
	void aKeyTimeoutOfZeroIsAConfigurationError() {
		this.resourceServer.getJwks().setReadTimeout(Duration.ZERO);
		assertRefused("cognito.resource-server.jwks.read-timeout");
	}

	@Test
	void aKeyTimeoutOfZeroIsAConfigurationErrorEvenWithBearerTokensOff() {
		// Browser login shares the key source.
		this.resourceServer.setEnabled(false);
		this.resourceServer.getJwks().setConnectTimeout(Duration.ZERO);
		assertRefused("cognito.resource-server.jwks.connect-timeout");
	}

	@Test
	void decoderSettingsAreLeftAloneWithBearerTokensOff() {
		this.resourceServer.setEnabled(false);
		this.properties.setClientId(null);
		this.resourceServer.getTokenCache().setMaximumSize(0);
		assertThatCode(() -> CognitoResourceServerPropertiesValidator.validate(this.properties, this.resourceServer))
			.doesNotThrowAnyException();
	}

	@Test
	void aCacheThatCannotHoldATokenIsAConfigurationError() {
		this.resourceServer.getTokenCache().setMaximumSize(0);
		assertRefused("cognito.resource-server.token-cache.maximum-size");
	}

	@Test
	void aMaxTtlThatIsNotPositiveIsAConfigurationError() {
		this.resourceServer.getTokenCache().setMaxTtl(Duration.ZERO);
		assertRefused("cognito.resource-server.token-cache.max-ttl");
	}

	@Test
	void aDisabledCacheIsNotChecked() {
		this.resourceServer.getTokenCache().setEnabled(false);
		this.resourceServer.getTokenCache().setMaxTtl(Duration.ZERO);
		assertThatCode(() -> CognitoResourceServerPropertiesValidator.validate(this.properties, this.resourceServer))
			.doesNotThrowAnyException();
	}

	@Test
	void aNegativeClockSkewIsAConfigurationError() {
		this.resourceServer.setClockSkew(Duration.ofSeconds(-1));
		assertRefused("cognito.resource-server.clock-skew");
	}

	@Test
	void aRequiredScopeWithAQuoteIsAConfigurationError() {
		this.resourceServer.getRequiredScopes().add("orders/\"read\"");
		assertRefused("cognito.resource-server.required-scopes");
	}

}
