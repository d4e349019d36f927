package org.tomopick.progress;

/**
 * Receives progress from long work (simulation, training, picking) and lets the caller cancel it. Headless: the
 * CLI shows it as a progress line on stderr, Fiji in its status bar. Engines call both methods from the thread that
 * runs them, between pieces of work, and stop with a {@link CancelledException} once {@link #isCancelled()} is true.
 */
public interface Progress {

	/** Does nothing and never cancels. */
	Progress NONE = new Progress() {
	};

	/**
	 * @param stage    the stage now running (e.g. "projection")
	 * @param fraction how much of that stage is done, 0..1
	 */
	default void report(String stage, double fraction) {
	}

	/** When this returns true, the work stops at the next check and throws {@link CancelledException}. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancelledException} naming the stage if cancellation was asked for. */
	default void checkCancelled(String stage) {
		if (isCancelled())
			throw new CancelledException(stage);
	}
}
