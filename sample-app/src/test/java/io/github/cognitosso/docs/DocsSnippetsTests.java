package io.github.cognitosso.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps every Java snippet of {@code docs/*.md} compiled by the build: each
 * {@code ```java} block must follow, on the line right before its fence, a marker
 * {@code <!-- snippet: <path from repo root>#<tag> -->}, and its content must equal the
 * lines between {@code // tag::<tag>[]} and {@code // end::<tag>[]} of that file, with
 * the common leading indentation removed and tabs written as four spaces. Tag lines of
 * other tags inside the region are left out, so regions may nest or overlap. A failure
 * prints the text the block should hold.
 */
class DocsSnippetsTests {

	private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");

	private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*(\\S*).*$");

	private static final Pattern TAG_LINE = Pattern.compile("^\\s*// (tag|end)::[^\\[]+\\[\\]\\s*$");

	private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path DOCS = REPO_ROOT.resolve("docs");

	@TestFactory
	Stream<DynamicTest> everyJavaSnippetIsTheTaggedRegionOfACompiledFile() throws IOException {
		assertThat(DOCS.resolve("testing.md")).as("docs/ next to the sample-app module").isRegularFile();
		try (Stream<Path> pages = Files.list(DOCS)) {
			return pages.filter((page) -> page.getFileName().toString().endsWith(".md"))
				.sorted()
				.toList()
				.stream()
				.map((page) -> DynamicTest.dynamicTest("docs/" + page.getFileName(), () -> assertSnippets(page)));
		}
	}

	@Test
	void snippetThatDiffersFromItsRegionIsReportedWithTheExpectedText() {
		List<String> page = List.of("Text", "<!-- snippet: " + thisFile() + "#sample -->", "```java",
				"int answer = 41;", "```");
		assertThat(problems("sample.md", page)).singleElement()
			.asString()
			.contains("sample.md:3")
			.contains("int answer = 42;");
	}

	@Test
	void javaBlockWithoutMarkerIsReported() {
		List<String> page = List.of("Text", "", "```java", "int answer = 42;", "```");
		assertThat(problems("sample.md", page)).singleElement().asString().contains("sample.md:3").contains("marker");
	}

	@Test
	void markerWithoutJavaBlockIsReported() {
		List<String> page = List.of("<!-- snippet: " + thisFile() + "#sample -->", "", "```java", "int answer = 42;",
				"```");
		assertThat(problems("sample.md", page)).anySatisfy((problem) -> assertThat(problem).contains("sample.md:1")
			.contains("must be followed by a ```java fence"));
	}

	@Test
	void markerNamingAMissingTagIsReported() {
		List<String> page = List.of("<!-- snippet: " + thisFile() + "#no-such-tag -->", "```java", "x();", "```");
		assertThat(problems("sample.md", page)).singleElement().asString().contains("// tag::no-such-tag[]");
	}

	@Test
	void matchingSnippetPasses() {
		List<String> page = List.of("<!-- snippet: " + thisFile() + "#sample -->", "```java", "int answer = 42;", "```",
				"", "```yaml", "not: java", "```");
		assertThat(problems("sample.md", page)).isEmpty();
	}

	private static String thisFile() {
		return "sample-app/src/test/java/io/github/cognitosso/docs/DocsSnippetsTests.java";
	}

	@SuppressWarnings("unused")
	private static int sample() {
		// tag::sample[]
		int answer = 42;
		// end::sample[]
		return answer;
	}

	private static void assertSnippets(Path page) throws IOException {
		List<String> problems = problems(page.getFileName().toString(), Files.readAllLines(page));
		if (!problems.isEmpty()) {
			fail("Java snippets of docs/" + page.getFileName()
					+ " do not follow the convention of DocsSnippetsTests:\n\n" + String.join("\n\n", problems));
		}
	}

	/**
	 * @return one message per broken snippet of the page
	 */
	static List<String> problems(String pageName, List<String> lines) {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (MARKER.matcher(lines.get(i).trim()).matches()
					&& (i + 1 >= lines.size() || !lines.get(i + 1).trim().equals("```java"))) {
				problems
					.add("docs/" + pageName + ":" + (i + 1) + ": a snippet marker must be followed by a ```java fence");
			}
			Matcher fence = FENCE.matcher(lines.get(i));
			if (!fence.matches()) {
				continue;
			}
			int open = i;
			List<String> content = new ArrayList<>();
			for (i++; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
				content.add(lines.get(i));
			}
			if (!"java".equals(fence.group(1))) {
				continue;
			}
			String where = "docs/" + pageName + ":" + (open + 1);
			Matcher marker = (open > 0) ? MARKER.matcher(lines.get(open - 1).trim()) : null;
			if (marker == null || !marker.matches()) {
				problems.add(where + ": a ```java block needs the marker <!-- snippet: <path from repo root>#<tag> -->"
						+ " on the line before its fence");
				continue;
			}
			String problem = compare(where, marker.group(1), marker.group(2), content);
			if (problem != null) {
				problems.add(problem);
			}
		}
		return problems;
	}

	private static String compare(String where, String path, String tag, List<String> content) {
		Path source = REPO_ROOT.resolve(path).normalize();
		if (!source.startsWith(REPO_ROOT) || !Files.isRegularFile(source)) {
			return where + ": the snippet's file " + path + " does not exist";
		}
		List<String> region;
		try {
			region = region(Files.readAllLines(source), tag);
		}
		catch (IOException ex) {
			return where + ": cannot read " + path + ": " + ex.getMessage();
		}
		if (region == null) {
			return where + ": " + path + " has no region between // tag::" + tag + "[] and // end::" + tag + "[]";
		}
		List<String> expected = normalize(region);
		if (!expected.equals(normalize(content))) {
			return where + ": the block differs from " + path + "#" + tag + "; it should read:\n```java\n"
					+ String.join("\n", expected) + "\n```";
		}
		return null;
	}

	/**
	 * @return the lines between the tag's start and end lines, without the lines of other
	 * tags, or {@code null}
	 */
	private static List<String> region(List<String> source, String tag) {
		int start = source.stream().map(String::trim).toList().indexOf("// tag::" + tag + "[]");
		int end = source.stream().map(String::trim).toList().indexOf("// end::" + tag + "[]");
		if (start < 0 || end < start) {
			return null;
		}
		return source.subList(start + 1, end).stream().filter((line) -> !TAG_LINE.matcher(line).matches()).toList();
	}

	/**
	 * Tabs as four spaces, no trailing white space, no blank lines at either end, common
	 * indentation removed.
	 */
	static List<String> normalize(List<String> lines) {
		List<String> result = new ArrayList<>(
				lines.stream().map((line) -> line.replace("\t", "    ").stripTrailing()).toList());
		while (!result.isEmpty() && result.get(0).isEmpty()) {
			result.remove(0);
		}
		while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
			result.remove(result.size() - 1);
		}
		int indent = result.stream()
			.filter((line) -> !line.isEmpty())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return result.stream().map((line) -> line.isEmpty() ? line : line.substring(indent)).toList();
	}

}
