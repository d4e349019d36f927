package org.tomopick.yolo;

/**
 * How the slice detector is trained: epochs of {@code stepsPerEpoch} AdamW steps on batches of square crops of
 * working slices, a cosine learning-rate decay from {@code learningRate} to 1% of it, decoupled weight decay, a seed
 * for every random choice, the loss phase schedule, the augmentation, and how targets are made: a particle appears
 * on a slice while its cross-section half-size is at least {@code minVisibleFraction} of its radius;
 * {@code backgroundSliceFraction} of the crops are drawn anywhere (mostly background) instead of around a particle.
 */
public record YoloTrainingSettings(int epochs, int stepsPerEpoch, int batchSize, int cropSize, double learningRate,
		double weightDecay, long seed, LossPhaseSchedule lossPhases, YoloAugmentation augmentation,
		double minVisibleFraction, double backgroundSliceFraction) {

	/** The paper's optimiser settings (AdamW, lr 1e-4 there; 1e-3 here for short CPU runs, weight decay 0.01, seed 42). */
	public static YoloTrainingSettings defaults() {
		return new YoloTrainingSettings(40, 50, 8, 128, 1e-3, 0.01, 42, LossPhaseSchedule.defaults(),
				YoloAugmentation.defaults(), 0.4, 0.2);
	}

	public YoloTrainingSettings validate() {
		YoloSettings.require(epochs >= 1 && epochs <= 100000, "training.epochs", "must be in [1, 100000]", epochs);
		YoloSettings.require(stepsPerEpoch >= 1, "training.stepsPerEpoch", "must be >= 1", stepsPerEpoch);
		YoloSettings.require(batchSize >= 1 && batchSize <= 1024, "training.batchSize", "must be in [1, 1024]",
				batchSize);
		YoloSettings.require(cropSize >= 32 && cropSize % YoloArchitecture.MAX_STRIDE == 0 && cropSize <= 4096,
				"training.cropSize", "must be a multiple of 32 in [32, 4096]", cropSize);
		YoloSettings.require(learningRate > 0 && learningRate < 1, "training.learningRate", "must be in (0, 1)",
				learningRate);
		YoloSettings.require(weightDecay >= 0 && weightDecay < 1, "training.weightDecay", "must be in [0, 1)",
				weightDecay);
		YoloSettings.require(minVisibleFraction >= 0 && minVisibleFraction < 1, "training.minVisibleFraction",
				"must be in [0, 1)", minVisibleFraction);
		YoloSettings.require(backgroundSliceFraction >= 0 && backgroundSliceFraction <= 1,
				"training.backgroundSliceFraction", "must be in [0, 1]", backgroundSliceFraction);
		if (lossPhases == null || augmentation == null)
			throw new IllegalArgumentException("YOLO settings: training.lossPhases and training.augmentation must be given");
		lossPhases.validate();
		augmentation.validate();
		return this;
	}

	public YoloTrainingSettings withSchedule(int newEpochs, int newStepsPerEpoch, int newBatchSize) {
		return new YoloTrainingSettings(newEpochs, newStepsPerEpoch, newBatchSize, cropSize, learningRate,
				weightDecay, seed, lossPhases, augmentation, minVisibleFraction, backgroundSliceFraction);
	}

	public YoloTrainingSettings withCropSize(int size) {
		return new YoloTrainingSettings(epochs, stepsPerEpoch, batchSize, size, learningRate, weightDecay, seed,
				lossPhases, augmentation, minVisibleFraction, backgroundSliceFraction);
	}

	public YoloTrainingSettings withLearningRate(double lr) {
		return new YoloTrainingSettings(epochs, stepsPerEpoch, batchSize, cropSize, lr, weightDecay, seed, lossPhases,
				augmentation, minVisibleFraction, backgroundSliceFraction);
	}

	public YoloTrainingSettings withSeed(long s) {
		return new YoloTrainingSettings(epochs, stepsPerEpoch, batchSize, cropSize, learningRate, weightDecay, s,
				lossPhases, augmentation, minVisibleFraction, backgroundSliceFraction);
	}

	public YoloTrainingSettings withAugmentation(YoloAugmentation a) {
		return new YoloTrainingSettings(epochs, stepsPerEpoch, batchSize, cropSize, learningRate, weightDecay, seed,
				lossPhases, a, minVisibleFraction, backgroundSliceFraction);
	}

	public YoloTrainingSettings withBackgroundSliceFraction(double f) {
		return new YoloTrainingSettings(epochs, stepsPerEpoch, batchSize, cropSize, learningRate, weightDecay, seed,
				lossPhases, augmentation, minVisibleFraction, f);
	}
}
