package io.github.cognitosso.benchmarks.load;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an application of the load benchmark as the unsecured floor: the same endpoint,
 * class path and JVM as the secured applications, with no security at all. Every
 * auto-configuration of Spring Boot's security modules and of the starter is excluded
 * (read from the class path's auto-configuration lists, so none is missed when Boot moves
 * one), and the application refuses to start if its context still holds a bean of Spring
 * Security, of Boot's security modules or of the starter.
 */
public final class UnsecuredFloor {

	private static final List<String> SECURITY_PACKAGES = List.of("org.springframework.security.",
			"org.springframework.boot.security.", "io.github.cognitosso.autoconfigure.");

	private UnsecuredFloor() {
	}

	/**
	 * @param application the application's main class
	 * @param type the web stack
	 * @param args the command line
	 * @return the started context, checked to hold no security bean
	 */
	public static ConfigurableApplicationContext run(Class<?> application, WebApplicationType type, String[] args) {
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(type);
		spring.setDefaultProperties(
				Map.of("spring.autoconfigure.exclude", String.join(",", securityAutoConfigurations())));
		ConfigurableApplicationContext context = spring.run(args);
		List<String> securityBeans = Arrays.stream(context.getBeanDefinitionNames())
			.filter((name) -> isSecurity(context.getType(name)))
			.toList();
		if (!securityBeans.isEmpty()) {
			context.close();
			throw new IllegalStateException("The unsecured floor must run without security, but has " + securityBeans);
		}
		return context;
	}

	private static List<String> securityAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, UnsecuredFloor.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter(UnsecuredFloor::isSecurity)
			.toList();
	}

	private static boolean isSecurity(Class<?> type) {
		return type != null && isSecurity(type.getName());
	}

	private static boolean isSecurity(String className) {
		return SECURITY_PACKAGES.stream().anyMatch(className::startsWith);
	}

}
