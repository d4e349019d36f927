package org.tomopick.sim;

/**
 * The wide part of {@link ImagingConditions}: ranges for everything beyond dose, tilt range, maps and denoising that is
 * drawn per tomogram so that a picker trained on simulations meets many imaging conditions and sample looks, not just
 * this simulator's (domain randomisation). When {@code enabled} is false nothing of it is drawn and the conditions
 * draw exactly as they did before it existed (dose uniform, tilt range in whole 3-degree steps).
 *
 * @param enabled                  draw the items below (and the dose log-uniformly)
 * @param minTiltStep              smallest tilt step, whole degrees (default 2)
 * @param maxTiltStep              largest tilt step, whole degrees (default 4)
 * @param minDefocusMicrometres    smallest underfocus, um (default 1.5)
 * @param maxDefocusMicrometres    largest underfocus, um (default 6)
 * @param minLowPassAngstrom       sharpest "denoising" low-pass (resolution at gain 1/2), A (default 25)
 * @param maxLowPassAngstrom       strongest low-pass, A (default 60)
 * @param maxAddedNoise            largest std of the coloured noise added after reconstruction, relative to the
 *                                 reconstruction's std; drawn uniformly from 0 (default 1.5)
 * @param scaleJitter              per-axis relative size jitter of every particle instance (default 0.08)
 * @param amplitudeJitter          relative amplitude jitter of every instance (default 0.25)
 * @param maxBlurAngstrom          largest gaussian blur (sigma) of a target particle, A (default 12)
 * @param capProbability           chance that a target particle misses a cap (default 0.15)
 * @param maxCapFraction           largest fraction of its bounding sphere that the cap takes (default 0.25)
 * @param maxVesicles              most lipid vesicles per tomogram; the count is uniform from 0 (default 6)
 * @param maxGoldBeads             most gold beads per tomogram (default 10)
 * @param contaminationProbability chance of one piece of ice contamination or carbon edge (default 0.2)
 */
public record DomainRandomisation(boolean enabled, int minTiltStep, int maxTiltStep, double minDefocusMicrometres,
		double maxDefocusMicrometres, double minLowPassAngstrom, double maxLowPassAngstrom, double maxAddedNoise,
		double scaleJitter, double amplitudeJitter, double maxBlurAngstrom, double capProbability,
		double maxCapFraction, int maxVesicles, int maxGoldBeads, double contaminationProbability) {

	public static DomainRandomisation defaults() {
		return new DomainRandomisation(true, 2, 4, 1.5, 6, 25, 60, 1.5, 0.08, 0.25, 12, 0.15, 0.25, 6, 10, 0.2);
	}

	/** The same ranges with another largest std of the noise added after reconstruction. */
	public DomainRandomisation withMaxAddedNoise(double max) {
		return new DomainRandomisation(enabled, minTiltStep, maxTiltStep, minDefocusMicrometres, maxDefocusMicrometres,
				minLowPassAngstrom, maxLowPassAngstrom, max, scaleJitter, amplitudeJitter, maxBlurAngstrom,
				capProbability, maxCapFraction, maxVesicles, maxGoldBeads, contaminationProbability);
	}

	/** Nothing drawn beyond dose, tilt range, maps and denoising. */
	public static DomainRandomisation none() {
		return new DomainRandomisation(false, 3, 3, 2, 5, 40, 40, 0, 0.04, 0.1, 0, 0, 0.25, 0, 0, 0);
	}

	public DomainRandomisation validate() {
		SimulationSettings.require(minTiltStep >= 1 && minTiltStep <= maxTiltStep && maxTiltStep <= 30,
				"randomisation.tiltStep", "needs 1 <= min <= max <= 30", minTiltStep);
		SimulationSettings.require(minDefocusMicrometres >= 0 && minDefocusMicrometres <= maxDefocusMicrometres
				&& maxDefocusMicrometres < 100, "randomisation.defocus", "needs 0 <= min <= max < 100",
				minDefocusMicrometres);
		SimulationSettings.require(minLowPassAngstrom > 0 && minLowPassAngstrom <= maxLowPassAngstrom
				&& Double.isFinite(maxLowPassAngstrom), "randomisation.lowPass", "needs 0 < min <= max",
				minLowPassAngstrom);
		SimulationSettings.require(maxAddedNoise >= 0 && maxAddedNoise <= 100, "randomisation.maxAddedNoise",
				"must be in [0, 100]", maxAddedNoise);
		SimulationSettings.require(capProbability >= 0 && capProbability <= 1 && contaminationProbability >= 0
				&& contaminationProbability <= 1, "randomisation.probabilities", "must be in [0, 1]", capProbability);
		SimulationSettings.require(maxVesicles >= 0 && maxGoldBeads >= 0 && maxVesicles <= 1000
				&& maxGoldBeads <= 1000, "randomisation.clutterCounts", "must be in [0, 1000]", maxVesicles);
		// the instance ranges are checked where they are used, by SampleSettings
		new SampleSettings(1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, scaleJitter, amplitudeJitter, maxBlurAngstrom,
				capProbability, maxCapFraction).validate();
		return this;
	}
}
