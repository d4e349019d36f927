package org.tomopick.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.tomopick.batch.RunOutcome;
import org.tomopick.batch.RunStatus;
import org.tomopick.progress.TimeLeft;

/**
 * The driver's progress line on stderr: runs done out of all (picked, skipped, failed), tasks running, attempts that
 * failed and were retried, time so far and left. Redrawn in place on a terminal; otherwise printed when the count of
 * finished runs changed, at most every 10 s (so that the log of a long batch job stays short), and at the end.
 */
final class DriverProgress {

	private static final long QUIET_NANOS = 10_000_000_000L;

	private final PrintWriter err;
	private final int runs;
	private final boolean terminal = System.console() != null;
	private final long start = System.nanoTime();
	private long lastPrinted;
	private int lastDone = -1;

	DriverProgress(PrintWriter err, int runs) {
		this.err = err;
		this.runs = runs;
	}

	void update(List<RunOutcome> finished, int running, int failedAttempts, boolean last) {
		long now = System.nanoTime();
		int done = finished.size();
		if (!last && (terminal ? now - lastPrinted < 1_000_000_000L
				: done == lastDone || now - lastPrinted < QUIET_NANOS && lastDone >= 0))
			return;
		String line = line(finished, running, failedAttempts, (now - start) * 1e-9);
		if (terminal)
			err.print("\r" + line + (last ? "\n" : ""));
		else
			err.println(line);
		err.flush();
		lastPrinted = now;
		lastDone = done;
	}

	String line(List<RunOutcome> finished, int running, int failedAttempts, double seconds) {
		long picked = count(finished, RunStatus.PICKED), skipped = count(finished, RunStatus.SKIPPED);
		long failed = count(finished, RunStatus.FAILED);
		return String.format(Locale.ROOT, "spark pick: %d/%d runs (%d picked, %d skipped, %d failed), %d running, "
				+ "%d attempts retried, %s%s", finished.size(), runs, picked, skipped, failed, running, failedAttempts,
				clock(seconds), TimeLeft.of(seconds, runs == 0 ? 1 : (double) finished.size() / runs));
	}

	private static long count(List<RunOutcome> outcomes, RunStatus status) {
		return outcomes.stream().filter(o -> o.status() == status).count();
	}

	static String clock(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
