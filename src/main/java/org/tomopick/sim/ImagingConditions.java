package org.tomopick.sim;

import java.util.SplittableRandom;

/**
 * Ranges of acquisition conditions to draw from, one draw per simulated tomogram, so that training and validation
 * data span more than one setting: the total dose (noise), the largest tilt (missing-wedge width), whether the real
 * density maps or the built-in phantoms are used (other maps of the same species), and whether the reconstruction is
 * low-passed ("denoised"). Defaults reach beyond the simulator's defaults on the hard side (down to 15 e-/A^2 and
 * +-40 degrees), since pickers are judged on noisier data with a wider wedge.
 *
 * @param minDose                  lowest total dose, e-/A^2
 * @param maxDose                  highest total dose, e-/A^2
 * @param minTiltMax               narrowest tilt range (largest angle, degrees)
 * @param maxTiltMax               widest tilt range (largest angle, degrees)
 * @param realTemplateProbability  chance that the real maps are used (when a real library is given)
 * @param denoisedProbability      chance that the reconstruction is low-passed
 */
public record ImagingConditions(double minDose, double maxDose, double minTiltMax, double maxTiltMax,
		double realTemplateProbability, double denoisedProbability) {

	public static ImagingConditions defaults() {
		return new ImagingConditions(15, 120, 40, 65, 0.5, 0.3);
	}

	/** One fixed condition (no randomness): the simulator's own defaults. */
	public static ImagingConditions fixed(double dose, double tiltMax, boolean realTemplates, boolean denoised) {
		return new ImagingConditions(dose, dose, tiltMax, tiltMax, realTemplates ? 1 : 0, denoised ? 1 : 0);
	}

	public ImagingConditions validate() {
		SimulationSettings.require(minDose > 0 && minDose <= maxDose && Double.isFinite(maxDose), "conditions.dose",
				"needs 0 < min <= max", minDose);
		SimulationSettings.require(minTiltMax >= 0 && minTiltMax <= maxTiltMax && maxTiltMax < 90,
				"conditions.tiltMax", "needs 0 <= min <= max < 90", minTiltMax);
		SimulationSettings.require(realTemplateProbability >= 0 && realTemplateProbability <= 1,
				"conditions.realTemplateProbability", "must be in [0, 1]", realTemplateProbability);
		SimulationSettings.require(denoisedProbability >= 0 && denoisedProbability <= 1,
				"conditions.denoisedProbability", "must be in [0, 1]", denoisedProbability);
		return this;
	}

	/** A drawn condition. */
	public record Draw(double dose, double tiltMax, boolean realTemplates, boolean denoised) {

		public SimulationSettings applyTo(SimulationSettings base) {
			return base.withTilts(base.tilts().withRange(tiltMax, base.tilts().tiltStepDegrees()).withTotalDose(dose))
					.withReconstruction(base.reconstruction().withDenoised(denoised));
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "dose %.0f e/A^2, tilt +-%.0f, %s maps%s", dose, tiltMax,
					realTemplates ? "real" : "phantom", denoised ? ", denoised" : "");
		}
	}

	public Draw draw(SplittableRandom random) {
		double dose = minDose == maxDose ? minDose : minDose + random.nextDouble() * (maxDose - minDose);
		double tilt = minTiltMax == maxTiltMax ? minTiltMax
				: minTiltMax + random.nextDouble() * (maxTiltMax - minTiltMax);
		// round the tilt range to whole steps of the default 3 degrees, as a real acquisition would be
		tilt = Math.round(tilt / 3.0) * 3.0;
		boolean real = random.nextDouble() < realTemplateProbability;
		boolean denoised = random.nextDouble() < denoisedProbability;
		return new Draw(dose, Math.min(tilt, 87), real, denoised);
	}
}
