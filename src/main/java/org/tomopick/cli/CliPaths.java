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

	static void requireExists(Path path, String what) {
		if (!Files.exists(path))
			throw new UserInputException(what + " " + path + ": no such file or folder");
	}
}
