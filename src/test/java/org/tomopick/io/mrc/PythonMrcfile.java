package org.tomopick.io.mrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's /usr/bin/python3 with mrcfile for cross-checks. Tests skip when it is missing, except under
 * TOMOPICK_REQUIRE_PYTHON=1 (CI), where a missing mrcfile is a failure.
 */
final class PythonMrcfile {

	static final String PYTHON = "/usr/bin/python3";

	private static Boolean available;

	private PythonMrcfile() {
	}

	static synchronized boolean available() {
		if (available == null) {
			try {
				available = Files.isExecutable(Path.of(PYTHON))
						&& run("import mrcfile, numpy; print('ok')").strip().equals("ok");
			} catch (RuntimeException e) {
				available = false;
			}
		}
		return available;
	}

	/** Skips the calling test when mrcfile is missing, or fails it when TOMOPICK_REQUIRE_PYTHON=1. */
	static void assumeAvailable() {
		boolean ok = available();
		if (!ok && "1".equals(System.getenv("TOMOPICK_REQUIRE_PYTHON")))
			fail(PYTHON + " with mrcfile and numpy is required (TOMOPICK_REQUIRE_PYTHON=1) but not available");
		Assumptions.assumeTrue(ok, PYTHON + " with mrcfile and numpy is not available");
	}

	/** Runs a script with arguments and returns its standard output; a non-zero exit fails the test. */
	static String run(String script, String... args) {
		List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
		command.addAll(List.of(args));
		Path errors = null;
		try {
			errors = Files.createTempFile("tomopick-python", ".err");
			Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS))
				throw new IllegalStateException("python timed out");
			String err = Files.readString(errors);
			assertEquals(0, process.exitValue(), () -> "python failed: " + err);
			return new String(out, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			if (errors != null)
				errors.toFile().delete();
		}
	}
}
