package org.tomopick.batch;

/** How a run of a batch job ended. */
public enum RunStatus {
	/** Picked by this job; its picks and record are written. */
	PICKED("picked"),
	/** Its picks were already complete for the same models and settings: left as they were. */
	SKIPPED("skipped"),
	/** It failed (bad input, or every attempt failed); its earlier picks, if any, are as they were. */
	FAILED("failed"),
	/** The job stopped (cancelled, or aborted by Spark) before the run finished; a rerun picks it. */
	NOT_RUN("not-run");

	private final String label;

	RunStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	@Override
	public String toString() {
		return label;
	}
}
