package org.tomopick;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One direction of dependency: only the ui, command and cli packages may import ImageJ, AWT, Swing or SciJava; the
 * domain model, IO, algorithms and pipeline stay headless.
 */
class LayeringTest {

	private static final Path SOURCES = Path.of("src/main/java/org/tomopick");
	private static final Pattern UI_IMPORT = Pattern.compile(
			"^import\\s+(static\\s+)?(ij\\.|java\\.awt\\.|javax\\.swing\\.|org\\.scijava\\.|net\\.imagej\\.)",
			Pattern.MULTILINE);
	private static final List<String> UI_PACKAGES = List.of("ui", "command", "cli");

	@Test
	void headlessPackagesDoNotImportUiOrFrameworkTypes() throws IOException {
		List<String> offenders = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
				String top = SOURCES.relativize(file).getName(0).toString();
				if (UI_PACKAGES.contains(top))
					continue;
				checked++;
				Matcher m = UI_IMPORT.matcher(Files.readString(file));
				while (m.find())
					offenders.add(file + ": " + m.group().trim());
			}
		}
		assertTrue(checked > 5, "expected to check the headless sources, found only " + checked);
		assertTrue(offenders.isEmpty(), "headless code imports UI/framework types:\n" + String.join("\n", offenders));
	}
}
