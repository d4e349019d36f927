package org.tomopick.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the command lines (the core's and the Spark job's) look for models when none are given. */
public final class DefaultModels {

	private DefaultModels() {
	}

	/**
	 * {@code models} in the working folder when there is one, else the shipped models beside the {@code tomopick}
	 * launcher (which passes its folder as {@code tomopick.home}), so that {@code /path/to/tomopick pick ...} works
	 * from any folder.
	 */
	public static Path commandLine() {
		Path here = Path.of("models");
		String home = System.getProperty("tomopick.home");
		if (Files.isDirectory(here) || home == null || home.isBlank())
			return here;
		Path shipped = Path.of(home, "models");
		return Files.isDirectory(shipped) ? shipped : here;
	}
}
