package io.github.cognitosso.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig
@EnableCognitoSimulator(clientId = "demo-machine")
class EnableCognitoSimulatorTests {

	@Autowired
	private CognitoSimulator cognito;

	@Value("${cognito.issuer-uri}")
	private String issuer;

	@Value("${cognito.domain}")
	private String domain;

	@Value("${cognito.client-id}")
	private String clientId;

	@Value("${cognito.client-secret}")
	private String clientSecret;

	@Test
	void pointsTheStarterPropertiesAtTheRunningSimulator() {
		assertThat(this.cognito.isRunning()).isTrue();
		assertThat(this.issuer).isEqualTo(this.cognito.issuer());
		assertThat(this.domain).isEqualTo(this.cognito.baseUrl());
		assertThat(this.clientId).isEqualTo("demo-machine");
		assertThat(this.clientSecret).isEqualTo("demo-machine-secret");
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
