package org.tomopick.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on paths given on the command line, with messages that say which option was wrong. */
final class CliPaths {

	private CliPaths() {
	}

	static void requireDirectory(Path path, String option) {
		if (!Files.exists(path))
			throw new UserInputException(option + " " + path + ": no such file or folder");
		if (!Files.isDirectory(path))
			throw new UserInputException(option + " " + path + ": not a folder");
	}

	/**
	 * The models a command reads when none are given: {@code models} in the working folder when there is one, else
	 * the shipped models beside the {@code tomopick} launcher (which passes its folder as {@code tomopick.home}),
	 * so that {@code /path/to/tomopick pick ...} works from any folder.
	 */
	static Path defaultModels() {
		Path here = Path.of("models");
		String home = System.getProperty("tomopick.home");
		if (Files.isDirectory(here) || home == null || home.isBlank())
			return here;
		Path shipped = Path.of(home, "models");
		return Files.isDirectory(shipped) ? shipped : here;
	}

	static void requireExists(Path path, String what) {
		if (!Files.exists(path))
			throw new UserInputException(what + " " + path + ": no such file or folder");
	}
}
