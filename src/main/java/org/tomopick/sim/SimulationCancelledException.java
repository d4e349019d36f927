package org.tomopick.sim;

/** Thrown by the simulator when its {@link SimulationProgress} asks to cancel; names the stage it stopped in. */
public final class SimulationCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String stage;

	public SimulationCancelledException(String stage) {
		super("tomogram simulation cancelled during " + stage);
		this.stage = stage;
	}

	public String stage() {
		return stage;
	}
}
