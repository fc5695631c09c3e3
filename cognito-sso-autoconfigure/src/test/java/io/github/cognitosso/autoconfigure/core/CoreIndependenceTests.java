package io.github.cognitosso.autoconfigure.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core is shared by every web stack, so it must not name a servlet, Spring MVC,
 * servlet-security, WebFlux or adapter type. A scan of the sources' import lines and
 * fully qualified names is enough: a type used without one of them does not compile.
 */
class CoreIndependenceTests {

	private static final Path SOURCES = Path.of("src/main/java/io/github/cognitosso/autoconfigure");

	private static final List<String> WEB_STACK = List.of("jakarta.servlet", "org.springframework.web.servlet",
			"org.springframework.security.web", "org.springframework.security.config",
			"org.springframework.web.reactive", "org.springframework.web.server");

	@Test
	void coreNamesNoServletSpringMvcServletSecurityOrWebFluxType() throws IOException {
		assertThat(references(SOURCES.resolve("core"), WEB_STACK)).isEmpty();
	}

	@Test
	void coreNamesNoTypeOfAWebAdapter() throws IOException {
		assertThat(references(SOURCES.resolve("core"), List.of("io.github.cognitosso.autoconfigure.servlet")))
			.isEmpty();
	}

	@Test
	void thePoolPackageNamesNoWebStackOrAdapterType() throws IOException {
		List<String> forbidden = new ArrayList<>(WEB_STACK);
		forbidden.add("io.github.cognitosso.autoconfigure.servlet");
		assertThat(references(SOURCES, forbidden, false)).isEmpty();
	}

	@Test
	void theScanReadsTheCoreSources() throws IOException {
		try (Stream<Path> files = Files.list(SOURCES.resolve("core"))) {
			assertThat(files.filter((file) -> file.toString().endsWith(".java"))).hasSizeGreaterThan(20);
		}
	}

	private static List<String> references(Path directory, List<String> forbidden) throws IOException {
		return references(directory, forbidden, true);
	}

	/**
	 * @return one {@code File.java: line} entry per source line that names a forbidden
	 * package, outside comments
	 */
	private static List<String> references(Path directory, List<String> forbidden, boolean recursive)
			throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					String code = line.strip();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
						continue;
					}
					for (String prefix : forbidden) {
						if (code.contains(prefix + ".")) {
							found.add(file.getFileName() + ": " + code);
						}
					}
				}
			}
		}
		return found;
	}

}
