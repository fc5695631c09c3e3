package io.github.cognitosso.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link CognitoSimulator} for the test class and injects
 * it into test methods.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static CognitoSimulatorExtension cognito = new CognitoSimulatorExtension(CognitoSimulator.demo());
 *
 * &#64;DynamicPropertySource
 * static void cognito(DynamicPropertyRegistry registry) {
 *     cognito.simulator().properties("demo-client").forEach((name, value) -&gt; registry.add(name, () -&gt; value));
 * }
 * </pre>
 *
 * The simulator starts as soon as the extension is created, so
 * {@code @DynamicPropertySource} methods can read its URLs, and stops after the test
 * class.
 */
public final class CognitoSimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final CognitoSimulator simulator;

	public CognitoSimulatorExtension() {
		this(CognitoSimulator.demo());
	}

	public CognitoSimulatorExtension(CognitoSimulator.Builder builder) {
		this.simulator = builder.build().start();
	}

	public CognitoSimulator simulator() {
		return this.simulator;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.simulator.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.simulator.close();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == CognitoSimulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		return this.simulator;
	}

}
