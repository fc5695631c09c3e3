package io.github.cognitosso.autoconfigure;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.session.Session;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Session the build resolves is open source. Spring Boot 4.1.2 manages Spring
 * Session 4.1.1 (and 4.0.9 manages 4.0.5), whose POMs name a licence that is not; the
 * parent pom imports an Apache 2.0 release ahead of Boot's BOM. This reads the POM next
 * to the jar the tests run with, so a version change that brings another licence back
 * fails the build.
 */
class SpringSessionLicenceTests {

	private static final String APACHE_2 = "Apache License, Version 2.0";

	@Test
	void resolvedSpringSessionCoreIsApacheLicensed() throws Exception {
		assertThat(licences(Session.class)).containsExactly(APACHE_2);
	}

	@Test
	void resolvedSpringSessionDataRedisIsApacheLicensed() throws Exception {
		assertThat(licences(RedisSessionRepository.class)).containsExactly(APACHE_2);
	}

	/**
	 * The licence names of the POM that sits next to the class's jar in the local Maven
	 * repository ({@code <artifact>-<version>.jar} and {@code <artifact>-<version>.pom}).
	 */
	private static List<String> licences(Class<?> type) throws Exception {
		Path jar = jarOf(type);
		String name = jar.getFileName().toString();
		assertThat(name).as("the jar of %s", type.getName()).endsWith(".jar");
		Path pom = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".pom");
		assertThat(pom).as("the POM of %s", jar).exists();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document;
		try (var in = Files.newInputStream(pom)) {
			document = factory.newDocumentBuilder().parse(in);
		}
		List<String> names = new ArrayList<>();
		NodeList licences = document.getElementsByTagName("license");
		for (int i = 0; i < licences.getLength(); i++) {
			NodeList licenceNames = ((Element) licences.item(i)).getElementsByTagName("name");
			for (int j = 0; j < licenceNames.getLength(); j++) {
				names.add(licenceNames.item(j).getTextContent().trim());
			}
		}
		return names;
	}

	private static Path jarOf(Class<?> type) throws URISyntaxException {
		return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
	}

}
