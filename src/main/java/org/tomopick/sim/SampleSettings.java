package org.tomopick.sim;

/**
 * The specimen around the particles: a slab of vitreous ice of random thickness and small random tilt with soft
 * edges, its Coulomb potential, a slow lateral gradient of that potential, non-target distractor proteins and
 * small crowders (numbers per cubic micrometre of ice), the contrast of protein over ice, and how much each particle
 * instance varies (per-axis scale and amplitude jitter; for target particles optionally a gaussian blur and a missing
 * cap) so that the maps of one species are not all identical.
 *
 * @param iceThicknessMinAngstrom  thinnest ice slab, A (default 1100)
 * @param iceThicknessMaxAngstrom  thickest ice slab, A (default 1600)
 * @param iceTiltMaxDegrees        largest tilt of the slab normal from z, degrees (default 4)
 * @param iceEdgeAngstrom          width of the soft slab surfaces, A (default 40)
 * @param icePotentialVolts        mean inner potential of vitreous ice, V (default 4.9)
 * @param proteinContrastVolts     potential of protein above ice for a template value of 1, V (default 2.6)
 * @param iceGradient              relative amplitude of the slow lateral gradient of the ice potential (default 0.05)
 * @param distractorsPerCubicMicron non-target proteins per um^3 of ice (default 1500)
 * @param crowdersPerCubicMicron   small crowder blobs per um^3 of ice (default 20000)
 * @param crowderRadiusMinAngstrom smallest crowder radius, A (default 15)
 * @param crowderRadiusMaxAngstrom largest crowder radius, A (default 35)
 * @param instanceScaleJitter      per-axis relative size jitter of each instance (default 0.04)
 * @param instanceAmplitudeJitter  relative amplitude jitter of each instance (default 0.1)
 * @param instanceBlurMaxAngstrom  largest gaussian blur (sigma, A) of a target particle, drawn uniformly from 0 up
 *                                 to it per particle (default 0: none)
 * @param instanceCapProbability   chance that a target particle misses a cap: its density beyond a random plane is
 *                                 zeroed (default 0)
 * @param instanceCapMaxFraction   largest fraction of the particle's bounding sphere cut off by that plane, drawn
 *                                 uniformly (default 0.25)
 */
public record SampleSettings(double iceThicknessMinAngstrom, double iceThicknessMaxAngstrom, double iceTiltMaxDegrees,
		double iceEdgeAngstrom, double icePotentialVolts, double proteinContrastVolts, double iceGradient,
		double distractorsPerCubicMicron, double crowdersPerCubicMicron, double crowderRadiusMinAngstrom,
		double crowderRadiusMaxAngstrom, double instanceScaleJitter, double instanceAmplitudeJitter,
		double instanceBlurMaxAngstrom, double instanceCapProbability, double instanceCapMaxFraction) {

	public static SampleSettings defaults() {
		return new SampleSettings(1100, 1600, 4, 40, 4.9, 2.6, 0.05, 1500, 20000, 15, 35, 0.04, 0.1, 0, 0, 0.25);
	}

	public SampleSettings validate() {
		SimulationSettings.require(iceThicknessMinAngstrom > 0, "sample.iceThicknessMinAngstrom", "must be > 0",
				iceThicknessMinAngstrom);
		SimulationSettings.require(iceThicknessMaxAngstrom >= iceThicknessMinAngstrom && Double.isFinite(
				iceThicknessMaxAngstrom), "sample.iceThicknessMaxAngstrom", "must be >= iceThicknessMinAngstrom",
				iceThicknessMaxAngstrom);
		SimulationSettings.require(iceTiltMaxDegrees >= 0 && iceTiltMaxDegrees < 45, "sample.iceTiltMaxDegrees",
				"must be in [0, 45)", iceTiltMaxDegrees);
		SimulationSettings.require(iceEdgeAngstrom > 0 && Double.isFinite(iceEdgeAngstrom), "sample.iceEdgeAngstrom",
				"must be > 0", iceEdgeAngstrom);
		SimulationSettings.require(icePotentialVolts >= 0 && icePotentialVolts < 100, "sample.icePotentialVolts",
				"must be in [0, 100)", icePotentialVolts);
		SimulationSettings.require(proteinContrastVolts > 0 && proteinContrastVolts < 100,
				"sample.proteinContrastVolts", "must be in (0, 100)", proteinContrastVolts);
		SimulationSettings.require(iceGradient >= 0 && iceGradient < 1, "sample.iceGradient", "must be in [0, 1)",
				iceGradient);
		SimulationSettings.require(distractorsPerCubicMicron >= 0 && distractorsPerCubicMicron < 1e6,
				"sample.distractorsPerCubicMicron", "must be in [0, 1e6)", distractorsPerCubicMicron);
		SimulationSettings.require(crowdersPerCubicMicron >= 0 && crowdersPerCubicMicron < 1e7,
				"sample.crowdersPerCubicMicron", "must be in [0, 1e7)", crowdersPerCubicMicron);
		SimulationSettings.require(crowderRadiusMinAngstrom > 0, "sample.crowderRadiusMinAngstrom", "must be > 0",
				crowderRadiusMinAngstrom);
		SimulationSettings.require(crowderRadiusMaxAngstrom >= crowderRadiusMinAngstrom && crowderRadiusMaxAngstrom
				< 1000, "sample.crowderRadiusMaxAngstrom", "must be >= crowderRadiusMinAngstrom and < 1000",
				crowderRadiusMaxAngstrom);
		SimulationSettings.require(instanceScaleJitter >= 0 && instanceScaleJitter < 0.5,
				"sample.instanceScaleJitter", "must be in [0, 0.5)", instanceScaleJitter);
		SimulationSettings.require(instanceAmplitudeJitter >= 0 && instanceAmplitudeJitter < 1,
				"sample.instanceAmplitudeJitter", "must be in [0, 1)", instanceAmplitudeJitter);
		SimulationSettings.require(instanceBlurMaxAngstrom >= 0 && instanceBlurMaxAngstrom <= 200,
				"sample.instanceBlurMaxAngstrom", "must be in [0, 200]", instanceBlurMaxAngstrom);
		SimulationSettings.require(instanceCapProbability >= 0 && instanceCapProbability <= 1,
				"sample.instanceCapProbability", "must be in [0, 1]", instanceCapProbability);
		SimulationSettings.require(instanceCapMaxFraction >= 0 && instanceCapMaxFraction <= 0.5,
				"sample.instanceCapMaxFraction", "must be in [0, 0.5]", instanceCapMaxFraction);
		return this;
	}

	/** The same sample without distractors and crowders. */
	public SampleSettings withoutContext() {
		return withContext(0, 0);
	}

	public SampleSettings withContext(double distractors, double crowders) {
		return new SampleSettings(iceThicknessMinAngstrom, iceThicknessMaxAngstrom, iceTiltMaxDegrees,
				iceEdgeAngstrom, icePotentialVolts, proteinContrastVolts, iceGradient, distractors, crowders,
				crowderRadiusMinAngstrom, crowderRadiusMaxAngstrom, instanceScaleJitter, instanceAmplitudeJitter,
				instanceBlurMaxAngstrom, instanceCapProbability, instanceCapMaxFraction);
	}

	public SampleSettings withIceThickness(double minAngstrom, double maxAngstrom) {
		return new SampleSettings(minAngstrom, maxAngstrom, iceTiltMaxDegrees, iceEdgeAngstrom, icePotentialVolts,
				proteinContrastVolts, iceGradient, distractorsPerCubicMicron, crowdersPerCubicMicron,
				crowderRadiusMinAngstrom, crowderRadiusMaxAngstrom, instanceScaleJitter, instanceAmplitudeJitter,
				instanceBlurMaxAngstrom, instanceCapProbability, instanceCapMaxFraction);
	}

	/**
	 * The same sample with other per-instance variability: scale and amplitude jitter (all instances), largest blur
	 * (A), cap probability and largest cap fraction (target particles).
	 */
	public SampleSettings withInstanceVariability(double scaleJitter, double amplitudeJitter, double blurMaxAngstrom,
			double capProbability, double capMaxFraction) {
		return new SampleSettings(iceThicknessMinAngstrom, iceThicknessMaxAngstrom, iceTiltMaxDegrees,
				iceEdgeAngstrom, icePotentialVolts, proteinContrastVolts, iceGradient, distractorsPerCubicMicron,
				crowdersPerCubicMicron, crowderRadiusMinAngstrom, crowderRadiusMaxAngstrom, scaleJitter,
				amplitudeJitter, blurMaxAngstrom, capProbability, capMaxFraction);
	}
}
