package org.tomopick.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.TaskContext;
import org.tomopick.progress.CancelledException;

/**
 * TEST SEAMS, read only by the tests of this module; nothing sets them in use. Two system properties of the JVM that
 * runs the tasks (with Spark embedded: the driver's):
 * <ul>
 * <li>{@value #FAIL_FIRST_ATTEMPT} = RUN or RUN:oom: the first attempt at RUN fails just before picking, as a
 * passing failure would, with an {@link InjectedFault} or, with {@code :oom}, an {@link OutOfMemoryError} (the retry
 * tests: Spark's retry must then pick it, with 2 attempts recorded, and this JVM must live on).
 * <li>{@value #PAUSE_BEFORE} = RUN:FILE: the first attempt at RUN creates FILE and then waits before picking until
 * its task is killed (the kill and Ctrl-C tests stop the job there, half way through).
 * </ul>
 */
final class TestSeams {

	static final String FAIL_FIRST_ATTEMPT = "tomopick.spark.test.failFirstAttemptOf";
	static final String PAUSE_BEFORE = "tomopick.spark.test.pauseBefore";

	private TestSeams() {
	}

	/** A failure injected by a test. */
	static final class InjectedFault extends RuntimeException {
		private static final long serialVersionUID = 1L;

		InjectedFault(String run) {
			super("fault injected by a test into the first attempt at " + run);
		}
	}

	/** Called by a task just before it picks {@code run}, on its {@code attempt} (1 for the first). */
	static void beforePicking(String run, int attempt, TaskContext task) {
		String fail = System.getProperty(FAIL_FIRST_ATTEMPT);
		if (attempt == 1 && run.equals(fail))
			throw new InjectedFault(run);
		if (attempt == 1 && (run + ":oom").equals(fail))
			throw new OutOfMemoryError("injected by a test into the first attempt at " + run);
		String pause = System.getProperty(PAUSE_BEFORE);
		if (attempt == 1 && pause != null && pause.startsWith(run + ":"))
			pauseUntilKilled(run, Path.of(pause.substring(run.length() + 1)), task);
	}

	private static void pauseUntilKilled(String run, Path signal, TaskContext task) {
		try {
			Files.writeString(signal, run);
			long until = System.nanoTime() + 600_000_000_000L;
			while (System.nanoTime() < until) {
				if (task != null && task.isInterrupted())
					break;
				Thread.sleep(50);
			}
		} catch (IOException e) {
			throw new IllegalStateException("test seam: cannot write " + signal, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new CancelledException("test pause before " + run);
	}
}
