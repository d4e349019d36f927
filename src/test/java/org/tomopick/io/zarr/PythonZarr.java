package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's /usr/bin/python3 with zarr-python. Tests that need it are skipped when it is missing, unless the
 * environment variable TOMOPICK_REQUIRE_PYTHON=1 is set (CI), where they fail instead.
 */
final class PythonZarr {

	static final String PYTHON = "/usr/bin/python3";
	private static Boolean available;

	private PythonZarr() {
	}

	static synchronized void assumeAvailable() {
		if (available == null) {
			try {
				available = run("import zarr, numpy").exitCode == 0;
			} catch (IOException e) {
				available = false;
			}
		}
		if (!available && "1".equals(System.getenv("TOMOPICK_REQUIRE_PYTHON")))
			fail(PYTHON + " with zarr and numpy is required (TOMOPICK_REQUIRE_PYTHON=1) but not available");
		Assumptions.assumeTrue(available, PYTHON + " with zarr and numpy is not available");
	}

	record Result(int exitCode, String output) {
	}

	static Result run(String script, String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				fail("python timed out");
			}
			return new Result(p.exitValue(), out);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	/** Runs the script and returns its standard output; fails the test when it exits with an error. */
	static String output(String script, String... args) throws IOException {
		Result r = run(script, args);
		assertEquals(0, r.exitCode, "python failed:\n" + r.output);
		return r.output;
	}
}
