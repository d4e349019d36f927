package org.tomopick.sim;

/**
 * How the tilt series is acquired: a symmetric tilt range about the y axis, {@code -maxTilt..+maxTilt} in steps
 * of {@code tiltStep} degrees (both in degrees), collected in dose-symmetric order, and the total electron dose in
 * e-/A^2 split evenly over the tilts.
 *
 * @param maxTiltDegrees      largest tilt angle (default 60)
 * @param tiltStepDegrees     angular step (default 3)
 * @param totalDose           total dose over the whole series, e-/A^2 (default 100)
 */
public record TiltSeriesSettings(double maxTiltDegrees, double tiltStepDegrees, double totalDose) {

	/** -60..+60 degrees in steps of 3 (41 tilts), 100 e-/A^2 in total. */
	public static TiltSeriesSettings defaults() {
		return new TiltSeriesSettings(60, 3, 100);
	}

	public TiltSeriesSettings validate() {
		SimulationSettings.require(maxTiltDegrees >= 0 && maxTiltDegrees < 90, "tilts.maxTiltDegrees",
				"must be in [0, 90)", maxTiltDegrees);
		SimulationSettings.require(tiltStepDegrees > 0 && tiltStepDegrees <= 90, "tilts.tiltStepDegrees",
				"must be in (0, 90]", tiltStepDegrees);
		SimulationSettings.require(totalDose > 0 && Double.isFinite(totalDose), "tilts.totalDose",
				"must be a positive number of e-/A^2", totalDose);
		return this;
	}

	public TiltSeriesSettings withRange(double maxTilt, double step) {
		return new TiltSeriesSettings(maxTilt, step, totalDose);
	}

	public TiltSeriesSettings withTotalDose(double dose) {
		return new TiltSeriesSettings(maxTiltDegrees, tiltStepDegrees, dose);
	}
}
