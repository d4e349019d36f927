package org.tomopick.batch;

import java.util.List;

/**
 * The summary of a batch job: its id, settings and fingerprint, what ran it, when it started, how long it took
 * (seconds of wall time), and every run's {@link RunOutcome} in the order of the runs. {@link BatchSummaryWriter}
 * writes it beside the picks.
 */
public record BatchSummary(String job, BatchSettings settings, String fingerprint, BatchEngine engine,
		String started, double seconds, List<RunOutcome> runs) {

	public BatchSummary {
		runs = List.copyOf(runs);
	}

	public long count(RunStatus status) {
		return runs.stream().filter(r -> r.status() == status).count();
	}

	/** Whether every run was picked or skipped. */
	public boolean allDone() {
		return count(RunStatus.PICKED) + count(RunStatus.SKIPPED) == runs.size();
	}

	/** Runs picked per hour of the job's wall time (0 when none was picked). */
	public double pickedPerHour() {
		long picked = count(RunStatus.PICKED);
		return picked == 0 || seconds <= 0 ? 0 : picked * 3600 / seconds;
	}
}
