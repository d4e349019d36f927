package org.tomopick.yolo;

/**
 * The paper's phase-dependent loss weights over training progress t in [0, 1): up to {@code localisationEnd} the
 * localisation (Smooth-L1) and box (DIoU) terms weigh {@code localisationWeight} and classification (focal) only
 * {@code initialClassWeight}; until {@code classificationEnd} the class weight rises linearly to
 * {@code localisationWeight} while the other two are kept; after that all three are equal (1).
 */
public record LossPhaseSchedule(double localisationEnd, double classificationEnd, double localisationWeight,
		double initialClassWeight) {

	public static LossPhaseSchedule defaults() {
		return new LossPhaseSchedule(0.3, 0.7, 1.5, 0.5);
	}

	public LossPhaseSchedule validate() {
		YoloSettings.require(localisationEnd >= 0 && localisationEnd <= 1, "training.lossPhases.localisationEnd",
				"must be in [0, 1]", localisationEnd);
		YoloSettings.require(classificationEnd >= localisationEnd && classificationEnd <= 1,
				"training.lossPhases.classificationEnd", "must be in [localisationEnd, 1]", classificationEnd);
		YoloSettings.require(localisationWeight > 0 && localisationWeight < 100,
				"training.lossPhases.localisationWeight", "must be in (0, 100)", localisationWeight);
		YoloSettings.require(initialClassWeight > 0 && initialClassWeight < 100,
				"training.lossPhases.initialClassWeight", "must be in (0, 100)", initialClassWeight);
		return this;
	}

	/** The weights (localisation, classification, IoU) at training progress t in [0, 1]. */
	public LossWeights at(double t) {
		if (t < localisationEnd)
			return new LossWeights(localisationWeight, initialClassWeight, localisationWeight);
		if (t < classificationEnd) {
			double f = (t - localisationEnd) / (classificationEnd - localisationEnd);
			double cls = initialClassWeight + f * (localisationWeight - initialClassWeight);
			return new LossWeights(localisationWeight, cls, localisationWeight);
		}
		return new LossWeights(1, 1, 1);
	}

	/** The three loss weights of one phase. */
	public record LossWeights(double localisation, double classification, double iou) {
	}
}
