package org.tomopick.unet;

/**
 * How candidates are taken from the probability maps: the method, the class-probability threshold and minimum size in
 * voxels that a new model records for every class (a model file may then hold a tuned value per class), and for
 * {@link PeakMethod#NMS} the suppression distance as a fraction of the class radius.
 */
public record PeakSettings(PeakMethod method, double threshold, int minVoxels, double nmsRadiusFraction) {

	public static PeakSettings defaults() {
		return new PeakSettings(PeakMethod.COMPONENTS, 0.4, 2, 0.6);
	}

	public PeakSettings validate() {
		if (method == null)
			throw new IllegalArgumentException("UNet settings: peaks.method must be given");
		UNetSettings.require(threshold > 0 && threshold < 1, "peaks.threshold", "must be in (0, 1)", threshold);
		UNetSettings.require(minVoxels >= 1, "peaks.minVoxels", "must be >= 1", minVoxels);
		UNetSettings.require(nmsRadiusFraction > 0 && nmsRadiusFraction <= 2, "peaks.nmsRadiusFraction",
				"must be in (0, 2]", nmsRadiusFraction);
		return this;
	}

	public PeakSettings withMethod(PeakMethod m) {
		return new PeakSettings(m, threshold, minVoxels, nmsRadiusFraction);
	}

	public PeakSettings withThreshold(double t, int min) {
		return new PeakSettings(method, t, min, nmsRadiusFraction);
	}
}
