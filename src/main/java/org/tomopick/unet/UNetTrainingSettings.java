package org.tomopick.unet;

import java.util.List;

/**
 * How a UNet is trained. Optimiser: AdamW with {@code learningRate} and {@code weightDecay}, a cosine schedule (when
 * {@code cosineSchedule}) from the learning rate down to 1% of it over all steps; {@code epochs} of
 * {@code stepsPerEpoch} steps, each a batch of {@code batchSize} random cubic crops of {@code cropSize} voxels (a
 * fraction {@code particleCropFraction} of them centred near a particle), flipped, rotated by multiples of 90 degrees
 * in the x-y plane, jittered in intensity and, with probability {@code snrAugmentation}, given a lower signal-to-noise
 * ratio ({@link SnrAugmentation}; 0 by default). Targets: spheres of {@code sphereFraction} times each class radius.
 * Loss: class-weighted cross-entropy ({@code backgroundWeight}, then one weight per class in catalog order, or empty
 * for all 1) plus {@code tverskyWeight} times a Tversky loss with {@code tverskyAlpha} (false positives) and
 * {@code tverskyBeta} (false negatives). Validation every {@code validationInterval} epochs; a checkpoint every
 * {@code checkpointInterval} epochs. Everything random derives from {@code seed}.
 */
public record UNetTrainingSettings(int epochs, int stepsPerEpoch, int cropSize, int batchSize, double learningRate,
		double weightDecay, boolean cosineSchedule, long seed, double sphereFraction, double backgroundWeight,
		List<Double> classWeights, double tverskyWeight, double tverskyAlpha, double tverskyBeta,
		double particleCropFraction, double intensityJitter, int validationInterval, int checkpointInterval,
		double snrAugmentation) {

	public UNetTrainingSettings {
		classWeights = List.copyOf(classWeights);
	}

	public static UNetTrainingSettings defaults() {
		return new UNetTrainingSettings(40, 50, 64, 2, 1e-4, 0.01, true, 42, 0.5, 1, List.of(), 1, 0.3, 0.7, 0.8,
				0.1, 1, 5, 0);
	}

	public UNetTrainingSettings validate() {
		UNetSettings.require(epochs >= 1, "training.epochs", "must be >= 1", epochs);
		UNetSettings.require(stepsPerEpoch >= 1, "training.stepsPerEpoch", "must be >= 1", stepsPerEpoch);
		UNetSettings.require(cropSize >= 8 && cropSize <= 512, "training.cropSize", "must be in [8, 512]", cropSize);
		UNetSettings.require(batchSize >= 1 && batchSize <= 256, "training.batchSize", "must be in [1, 256]",
				batchSize);
		UNetSettings.require(learningRate > 0 && learningRate < 1, "training.learningRate", "must be in (0, 1)",
				learningRate);
		UNetSettings.require(weightDecay >= 0 && weightDecay < 1, "training.weightDecay", "must be in [0, 1)",
				weightDecay);
		UNetSettings.require(sphereFraction > 0 && sphereFraction <= 1.5, "training.sphereFraction",
				"must be in (0, 1.5]", sphereFraction);
		UNetSettings.require(backgroundWeight > 0, "training.backgroundWeight", "must be > 0", backgroundWeight);
		for (int i = 0; i < classWeights.size(); i++)
			UNetSettings.require(classWeights.get(i) != null && classWeights.get(i) > 0,
					"training.classWeights[" + i + "]", "must be > 0", classWeights.get(i) == null ? Double.NaN
							: classWeights.get(i));
		UNetSettings.require(tverskyWeight >= 0, "training.tverskyWeight", "must be >= 0", tverskyWeight);
		UNetSettings.require(tverskyAlpha >= 0 && tverskyBeta >= 0 && tverskyAlpha + tverskyBeta > 0,
				"training.tverskyAlpha/Beta", "must be >= 0 with a positive sum", tverskyAlpha + tverskyBeta);
		UNetSettings.require(particleCropFraction >= 0 && particleCropFraction <= 1, "training.particleCropFraction",
				"must be in [0, 1]", particleCropFraction);
		UNetSettings.require(intensityJitter >= 0 && intensityJitter < 1, "training.intensityJitter",
				"must be in [0, 1)", intensityJitter);
		UNetSettings.require(snrAugmentation >= 0 && snrAugmentation <= 1, "training.snrAugmentation",
				"must be in [0, 1]", snrAugmentation);
		UNetSettings.require(validationInterval >= 1, "training.validationInterval", "must be >= 1",
				validationInterval);
		UNetSettings.require(checkpointInterval >= 1, "training.checkpointInterval", "must be >= 1",
				checkpointInterval);
		return this;
	}

	/** The cross-entropy weight of output channel k (0 = background). */
	public double channelWeight(int k) {
		if (k == 0)
			return backgroundWeight;
		return classWeights.isEmpty() ? 1 : classWeights.get(k - 1);
	}

	public UNetTrainingSettings withEpochs(int e) {
		return new UNetTrainingSettings(e, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, seed, sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha,
				tverskyBeta, particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				snrAugmentation);
	}

	public UNetTrainingSettings withSteps(int stepsPerEpoch, int cropSize, int batchSize) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, seed, sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha,
				tverskyBeta, particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				snrAugmentation);
	}

	public UNetTrainingSettings withOptimizer(double lr, double decay, boolean cosine) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, lr, decay, cosine, seed,
				sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha, tverskyBeta,
				particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				snrAugmentation);
	}

	public UNetTrainingSettings withSeed(long s) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, s, sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha,
				tverskyBeta, particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				snrAugmentation);
	}

	public UNetTrainingSettings withClassWeights(double background, List<Double> perClass) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, seed, sphereFraction, background, perClass, tverskyWeight, tverskyAlpha, tverskyBeta,
				particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				snrAugmentation);
	}

	public UNetTrainingSettings withIntervals(int validation, int checkpoint) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, seed, sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha,
				tverskyBeta, particleCropFraction, intensityJitter, validation, checkpoint, snrAugmentation);
	}

	public UNetTrainingSettings withSnrAugmentation(double probability) {
		return new UNetTrainingSettings(epochs, stepsPerEpoch, cropSize, batchSize, learningRate, weightDecay,
				cosineSchedule, seed, sphereFraction, backgroundWeight, classWeights, tverskyWeight, tverskyAlpha,
				tverskyBeta, particleCropFraction, intensityJitter, validationInterval, checkpointInterval,
				probability);
	}
}
