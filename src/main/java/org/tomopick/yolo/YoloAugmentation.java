package org.tomopick.yolo;

/**
 * Random changes to training crops: the 8 flips and quarter turns of the x-y plane (a particle's class does not
 * depend on its in-plane orientation), an intensity scale drawn from [1 - jitter, 1 + jitter] with an offset of
 * the same size, and added Gaussian noise of the given standard deviation (in normalised units).
 */
public record YoloAugmentation(boolean flipsAndTurns, double intensityJitter, double noiseStd) {

	public static YoloAugmentation defaults() {
		return new YoloAugmentation(true, 0.2, 0.1);
	}

	/** No augmentation at all. */
	public static YoloAugmentation none() {
		return new YoloAugmentation(false, 0, 0);
	}

	public YoloAugmentation validate() {
		YoloSettings.require(intensityJitter >= 0 && intensityJitter < 1, "training.augmentation.intensityJitter",
				"must be in [0, 1)", intensityJitter);
		YoloSettings.require(noiseStd >= 0 && noiseStd < 10, "training.augmentation.noiseStd", "must be in [0, 10)",
				noiseStd);
		return this;
	}
}
