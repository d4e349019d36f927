package org.tomopick.adapt;

/**
 * How {@link ModelAdaptation} spends its time.
 *
 * @param minutes            the whole budget, wall-clock minutes (the branches get what the fixed-cost stages
 *                           leave: reading, picking, collecting classifier examples, tuning)
 * @param seed               seed of the branches' crops and of the forest
 * @param heldOutFraction    without validation tomograms: the share of every annotated region held out (cut across
 *                           its longest in-plane axis) to choose the stopping point, the classifier and the
 *                           thresholds on
 * @param unetShare          share of the branches' time that the UNet gets (YOLO the rest)
 * @param unetSteps          UNet steps per epoch (an epoch ends with a validation on the held-out data)
 * @param yoloSteps          YOLO steps per epoch
 * @param unetLearningRate   UNet learning rate (lower than from scratch: fine-tuning)
 * @param yoloLearningRate   YOLO learning rate
 * @param confidence         how sure the held-out data must be that the adapted models score better than the
 *                           starting ones before they replace them (the share of block bootstrap resamplings in which
 *                           they do; 0.5: whenever they scored higher), and that re-choosing a class's threshold
 *                           there beats its starting threshold (the share of cross-validation comparisons in which
 *                           it does)
 */
public record AdaptSettings(double minutes, long seed, double heldOutFraction, double unetShare, int unetSteps,
		int yoloSteps, double unetLearningRate, double yoloLearningRate, double confidence) {

	public static AdaptSettings defaults() {
		return new AdaptSettings(30, 42, 0.25, 0.65, 8, 16, 3e-4, 3e-4, 0.5);
	}

	public AdaptSettings withConfidence(double c) {
		return new AdaptSettings(minutes, seed, heldOutFraction, unetShare, unetSteps, yoloSteps, unetLearningRate,
				yoloLearningRate, c);
	}

	public AdaptSettings withMinutes(double m) {
		return new AdaptSettings(m, seed, heldOutFraction, unetShare, unetSteps, yoloSteps, unetLearningRate,
				yoloLearningRate, confidence);
	}

	public AdaptSettings withSeed(long s) {
		return new AdaptSettings(minutes, s, heldOutFraction, unetShare, unetSteps, yoloSteps, unetLearningRate,
				yoloLearningRate, confidence);
	}

	public AdaptSettings withSteps(int unet, int yolo) {
		return new AdaptSettings(minutes, seed, heldOutFraction, unetShare, unet, yolo, unetLearningRate,
				yoloLearningRate, confidence);
	}

	public AdaptSettings validate() {
		if (!(minutes > 0 && minutes <= 7 * 24 * 60))
			throw new IllegalArgumentException("adapt: minutes must be in (0, 10080], was " + minutes);
		if (!(heldOutFraction > 0 && heldOutFraction < 1))
			throw new IllegalArgumentException("adapt: held-out fraction must be in (0, 1), was " + heldOutFraction);
		if (!(unetShare >= 0 && unetShare <= 1))
			throw new IllegalArgumentException("adapt: UNet share must be in [0, 1], was " + unetShare);
		if (unetSteps < 1 || yoloSteps < 1)
			throw new IllegalArgumentException("adapt: steps per epoch must be >= 1");
		if (!(unetLearningRate > 0 && yoloLearningRate > 0))
			throw new IllegalArgumentException("adapt: learning rates must be > 0");
		if (!(confidence >= 0.5 && confidence < 1))
			throw new IllegalArgumentException("adapt: confidence must be in [0.5, 1), was " + confidence);
		return this;
	}
}
