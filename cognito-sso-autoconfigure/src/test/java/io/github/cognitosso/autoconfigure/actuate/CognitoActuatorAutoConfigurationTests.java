package io.github.cognitosso.autoconfigure.actuate;

import io.github.cognitosso.autoconfigure.CognitoAutoConfiguration;
import io.github.cognitosso.autoconfigure.core.CognitoInstrumentation;
import io.github.cognitosso.autoconfigure.core.CognitoJwkSource;
import io.github.cognitosso.autoconfigure.servlet.resource.CognitoResourceServerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which Actuator beans the starter adds, and when it backs off.
 */
class CognitoActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CognitoAutoConfiguration.class,
				CognitoResourceServerAutoConfiguration.class, CognitoActuatorAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("cognito.user-pool-id=us-east-2_mLoGHJpOs", "cognito.client-id=2or4cs8bjo1lkbq6143tqp6ist");

	@Test
	void withActuatorThePoolGetsHealthInfoAndInstrumentation() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("cognitoHealthIndicator").hasBean("cognitoInfoContributor");
			assertThat(context.getBean(CognitoInstrumentation.class))
				.isInstanceOf(MicrometerCognitoInstrumentation.class);
			assertThat(context.getBean(CognitoJwkSource.class).instrumentation())
				.isSameAs(context.getBean(CognitoInstrumentation.class));
		});
	}

	@Test
	void theContributorsCanBeSwitchedOffTheBootWay() {
		this.runner
			.withPropertyValues("management.health.cognito.enabled=false", "management.info.cognito.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("cognitoHealthIndicator")
				.doesNotHaveBean("cognitoInfoContributor"));
	}

	@Test
	void withoutActuatorNothingOfItIsThereAndTheKeysReportNowhere() {
		this.runner
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class, InfoContributor.class, MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("cognitoHealthIndicator")
					.doesNotHaveBean("cognitoInfoContributor")
					.doesNotHaveBean(CognitoInstrumentation.class);
				assertThat(context.getBean(CognitoJwkSource.class).instrumentation())
					.isSameAs(CognitoInstrumentation.NONE);
			});
	}

	@Test
	void anApplicationsOwnInstrumentationReplacesTheMicrometerOne() {
		CognitoInstrumentation own = new CognitoInstrumentation() {
		};
		this.runner.withBean(CognitoInstrumentation.class, () -> own)
			.run((context) -> assertThat(context.getBean(CognitoJwkSource.class).instrumentation()).isSameAs(own));
	}

}
