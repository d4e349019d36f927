package org.tomopick.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.tomopick.sim.ReconstructionSettings.LowPassShape;
import org.tomopick.sim.ReconstructionSettings.NoiseColour;

/**
 * Ranges of acquisition conditions to draw from, one draw per simulated tomogram, so that training and validation
 * data span more than one setting: the total dose (noise), the largest tilt (missing-wedge width), whether the real
 * density maps or the built-in phantoms are used (other maps of the same species), and whether the reconstruction is
 * low-passed ("denoised"); with a {@link DomainRandomisation} also the tilt step, the defocus, the low-pass shape and
 * cutoff, coloured noise added after reconstruction, per-particle variability and look-alike clutter (vesicles, gold,
 * contamination). {@link #defaults()} is that wide draw (what {@code simulate --vary} uses: a picker trained on it
 * should transfer to other simulators and real data); {@link #narrow()} is the older, narrower draw that the picking
 * benchmark is defined with.
 *
 * @param minDose                  lowest total dose, e-/A^2
 * @param maxDose                  highest total dose, e-/A^2
 * @param minTiltMax               narrowest tilt range (largest angle, degrees)
 * @param maxTiltMax               widest tilt range (largest angle, degrees)
 * @param realTemplateProbability  chance that the real maps are used (when a real library is given)
 * @param denoisedProbability      chance that the reconstruction is low-passed
 * @param randomisation            what else is drawn, and from which ranges
 */
public record ImagingConditions(double minDose, double maxDose, double minTiltMax, double maxTiltMax,
		double realTemplateProbability, double denoisedProbability, DomainRandomisation randomisation) {

	/** Conditions without the wider randomisation. */
	public ImagingConditions(double minDose, double maxDose, double minTiltMax, double maxTiltMax,
			double realTemplateProbability, double denoisedProbability) {
		this(minDose, maxDose, minTiltMax, maxTiltMax, realTemplateProbability, denoisedProbability,
				DomainRandomisation.none());
	}

	/**
	 * The wide draw of {@code simulate --vary}: dose 5-120 e-/A^2 (log-uniform), tilt range +-40..65 in steps of 2,
	 * 3 or 4 degrees, defocus 1.5-6 um, real maps half of the time, a low-pass 40% of the time, and everything in
	 * {@link DomainRandomisation#defaults()}.
	 */
	public static ImagingConditions defaults() {
		return new ImagingConditions(5, 120, 40, 65, 0.5, 0.4, DomainRandomisation.defaults());
	}

	/** The narrower draw the picking benchmark uses: dose 15-120 (uniform), tilt +-40..65 in steps of 3. */
	public static ImagingConditions narrow() {
		return new ImagingConditions(15, 120, 40, 65, 0.5, 0.3);
	}

	/** The same draw with another total-dose range, e-/A^2 (log-uniform when randomised). */
	public ImagingConditions withDose(double min, double max) {
		return new ImagingConditions(min, max, minTiltMax, maxTiltMax, realTemplateProbability, denoisedProbability,
				randomisation);
	}

	/** The same draw with another largest std of the noise added after reconstruction (0: none). */
	public ImagingConditions withMaxAddedNoise(double maxAddedNoise) {
		return new ImagingConditions(minDose, maxDose, minTiltMax, maxTiltMax, realTemplateProbability,
				denoisedProbability, randomisation.withMaxAddedNoise(maxAddedNoise));
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
		if (randomisation == null)
			throw new IllegalArgumentException("conditions: randomisation must be given (DomainRandomisation.none())");
		randomisation.validate();
		return this;
	}

	/**
	 * A drawn condition. Without the wide randomisation, {@code tiltStep}, {@code defocusMicrometres} and
	 * {@code lowPassAngstrom} are NaN (the base settings' values are kept), the noise level and clutter counts 0.
	 *
	 * @param lowPassAngstrom resolution (A) where the low-pass has gain 1/2, when {@code denoised}
	 * @param noiseLevel      std of the coloured noise added after reconstruction, relative to the tomogram's
	 * @param randomisation   the ranges drawn from (their per-particle variability is applied as it is)
	 */
	public record Draw(double dose, double tiltMax, double tiltStep, double defocusMicrometres, boolean realTemplates,
			boolean denoised, LowPassShape lowPassShape, double lowPassAngstrom, NoiseColour noiseColour,
			double noiseLevel, int vesicles, int goldBeads, boolean contamination, DomainRandomisation randomisation) {

		public SimulationSettings applyTo(SimulationSettings base) {
			if (!randomisation.enabled())
				return base.withTilts(base.tilts().withRange(tiltMax, base.tilts().tiltStepDegrees())
						.withTotalDose(dose)).withReconstruction(base.reconstruction().withDenoised(denoised));
			ReconstructionSettings r = base.reconstruction();
			r = denoised ? r.withLowPass(lowPassShape, Math.min(1, 2 * base.voxelSizeAngstrom() / lowPassAngstrom))
					: r.withDenoised(false);
			DomainRandomisation d = randomisation;
			return base.withTilts(base.tilts().withRange(tiltMax, tiltStep).withTotalDose(dose))
					.withMicroscope(base.microscope().withDefocusRange(defocusMicrometres, defocusMicrometres))
					.withReconstruction(r.withAddedNoise(noiseColour, noiseLevel))
					.withSample(base.sample().withInstanceVariability(d.scaleJitter(), d.amplitudeJitter(),
							d.maxBlurAngstrom(), d.capProbability(), d.maxCapFraction()))
					.withClutter(base.clutter().withCounts(vesicles, goldBeads, contamination));
		}

		@Override
		public String toString() {
			if (!randomisation.enabled())
				return String.format(Locale.ROOT, "dose %.0f e/A^2, tilt +-%.0f, %s maps%s", dose, tiltMax,
						realTemplates ? "real" : "phantom", denoised ? ", denoised" : "");
			List<String> parts = new ArrayList<>();
			parts.add(String.format(Locale.ROOT, "dose %.0f e/A^2", dose));
			parts.add(String.format(Locale.ROOT, "tilt +-%.0f step %.0f", tiltMax, tiltStep));
			parts.add(String.format(Locale.ROOT, "defocus %.1f um", defocusMicrometres));
			parts.add(String.format(Locale.ROOT, "%s noise %.2f", noiseColour.name().toLowerCase(Locale.ROOT),
					noiseLevel));
			if (denoised)
				parts.add(String.format(Locale.ROOT, "%s low-pass %.0f A",
						lowPassShape.name().toLowerCase(Locale.ROOT), lowPassAngstrom));
			parts.add(vesicles + " vesicles");
			parts.add(goldBeads + " gold");
			if (contamination)
				parts.add("contamination");
			parts.add((realTemplates ? "real" : "phantom") + " maps");
			return String.join(", ", parts);
		}
	}

	public Draw draw(SplittableRandom random) {
		if (!randomisation.enabled()) {
			double dose = minDose == maxDose ? minDose : minDose + random.nextDouble() * (maxDose - minDose);
			double tilt = minTiltMax == maxTiltMax ? minTiltMax
					: minTiltMax + random.nextDouble() * (maxTiltMax - minTiltMax);
			// round the tilt range to whole steps of the default 3 degrees, as a real acquisition would be
			tilt = Math.round(tilt / 3.0) * 3.0;
			boolean real = random.nextDouble() < realTemplateProbability;
			boolean denoised = random.nextDouble() < denoisedProbability;
			return new Draw(dose, Math.min(tilt, 87), Double.NaN, Double.NaN, real, denoised, LowPassShape.GAUSSIAN,
					Double.NaN, NoiseColour.WHITE, 0, 0, 0, false, randomisation);
		}
		DomainRandomisation d = randomisation;
		double dose = Math.exp(uniform(random, Math.log(minDose), Math.log(maxDose)));
		int step = d.minTiltStep() + random.nextInt(d.maxTiltStep() - d.minTiltStep() + 1);
		double tilt = step * Math.round(uniform(random, minTiltMax, maxTiltMax) / step);
		if (tilt < minTiltMax && tilt + step <= maxTiltMax)
			tilt += step;
		if (tilt > maxTiltMax && tilt - step >= minTiltMax)
			tilt -= step;
		double defocus = uniform(random, d.minDefocusMicrometres(), d.maxDefocusMicrometres());
		boolean real = random.nextDouble() < realTemplateProbability;
		boolean denoised = random.nextDouble() < denoisedProbability;
		LowPassShape shape = random.nextBoolean() ? LowPassShape.GAUSSIAN : LowPassShape.COSINE;
		double lowPass = uniform(random, d.minLowPassAngstrom(), d.maxLowPassAngstrom());
		NoiseColour colour = NoiseColour.values()[random.nextInt(NoiseColour.values().length)];
		double noise = uniform(random, 0, d.maxAddedNoise());
		int vesicles = random.nextInt(d.maxVesicles() + 1);
		int gold = random.nextInt(d.maxGoldBeads() + 1);
		boolean contamination = random.nextDouble() < d.contaminationProbability();
		return new Draw(dose, Math.min(tilt, 87), step, defocus, real, denoised, shape, lowPass, colour, noise,
				vesicles, gold, contamination, d);
	}

	private static double uniform(SplittableRandom random, double min, double max) {
		return min + random.nextDouble() * (max - min);
	}
}
