package org.tomopick.sim;

/**
 * Receives progress from the simulator and lets the caller cancel it. Both methods are called only from the
 * thread that runs {@link TomogramSimulator#simulate}, between chunks of work.
 */
public interface SimulationProgress {

	/** Does nothing and never cancels. */
	SimulationProgress NONE = new SimulationProgress() {
	};

	/**
	 * @param stage    the stage now running (e.g. "projection")
	 * @param fraction how much of that stage is done, 0..1
	 */
	default void report(String stage, double fraction) {
	}

	/** When this returns true, the simulator stops and throws {@link SimulationCancelledException}. */
	default boolean isCancelled() {
		return false;
	}
}
