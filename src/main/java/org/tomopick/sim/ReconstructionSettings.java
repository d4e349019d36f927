package org.tomopick.sim;

/**
 * How the tilt series becomes a tomogram: weighted back-projection with a ramp filter, optionally tapered by a
 * Hamming window; an optional isotropic low-pass ("denoised" output, gain 1/2 at {@code denoiseCutoff} times
 * Nyquist) of a Gaussian or raised-cosine shape; optional 3D gaussian noise of a chosen colour added after
 * reconstruction, at a level relative to the tomogram's own standard deviation (domain randomisation: the noise of
 * other reconstructions and detectors is not white); and the output scale, the standard deviation of the written
 * tomogram (real CZII tomograms are ~1e-4).
 *
 * @param hammingTaper     taper the ramp filter with a Hamming window (default true)
 * @param denoised         low-pass the output (default false)
 * @param denoiseCutoff    cutoff of the low-pass as a fraction of Nyquist, where its gain is 1/2 (default 0.35)
 * @param outputStd        standard deviation of the output tomogram (default 1e-4)
 * @param lowPassShape     shape of the low-pass (default GAUSSIAN)
 * @param addedNoiseColour colour of the noise added after reconstruction (default WHITE)
 * @param addedNoiseLevel  std of that noise relative to the reconstruction's std; 0 adds none (default 0)
 */
public record ReconstructionSettings(boolean hammingTaper, boolean denoised, double denoiseCutoff, double outputStd,
		LowPassShape lowPassShape, NoiseColour addedNoiseColour, double addedNoiseLevel) {

	/** Shape of the "denoising" low-pass; both have gain 1/2 at the cutoff. */
	public enum LowPassShape {
		/** exp(-ln 2 k^2 / cutoff^2). */
		GAUSSIAN,
		/** 1 below 0.8 cutoff, a raised cosine down to 0 at 1.2 cutoff. */
		COSINE;

		/** Amplitude gain at squared frequency k2 for a squared cutoff c2 (same units). */
		double gain(double k2, double c2) {
			if (this == GAUSSIAN)
				return Math.exp(-Math.log(2) * k2 / c2);
			double t = (Math.sqrt(k2 / c2) - 0.8) / 0.4;
			return t <= 0 ? 1 : t >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * t));
		}
	}

	/** Colour of the added noise: how its amplitude depends on spatial frequency f. */
	public enum NoiseColour {
		/** Flat spectrum. */
		WHITE,
		/** Amplitude proportional to f (high-frequency heavy, like unfiltered back-projection noise). */
		RAMP,
		/** Amplitude proportional to 1/f (low-frequency heavy: blotchy, like thickness or charging variations). */
		PINK
	}

	public static ReconstructionSettings defaults() {
		return new ReconstructionSettings(true, false, 0.35, 1e-4, LowPassShape.GAUSSIAN, NoiseColour.WHITE, 0);
	}

	public ReconstructionSettings validate() {
		SimulationSettings.require(denoiseCutoff > 0 && denoiseCutoff <= 1, "reconstruction.denoiseCutoff",
				"must be in (0, 1]", denoiseCutoff);
		SimulationSettings.require(outputStd > 0 && Double.isFinite(outputStd), "reconstruction.outputStd",
				"must be > 0", outputStd);
		SimulationSettings.require(lowPassShape != null && addedNoiseColour != null, "reconstruction.lowPassShape",
				"and addedNoiseColour must be given", Double.NaN);
		SimulationSettings.require(addedNoiseLevel >= 0 && addedNoiseLevel <= 100, "reconstruction.addedNoiseLevel",
				"must be in [0, 100]", addedNoiseLevel);
		return this;
	}

	public ReconstructionSettings withDenoised(boolean lowPass) {
		return new ReconstructionSettings(hammingTaper, lowPass, denoiseCutoff, outputStd, lowPassShape,
				addedNoiseColour, addedNoiseLevel);
	}

	/** Low-passed with the given shape and cutoff (fraction of Nyquist). */
	public ReconstructionSettings withLowPass(LowPassShape shape, double cutoffOfNyquist) {
		return new ReconstructionSettings(hammingTaper, true, cutoffOfNyquist, outputStd, shape, addedNoiseColour,
				addedNoiseLevel);
	}

	/** With noise of a colour added after reconstruction, at {@code level} times the reconstruction's std. */
	public ReconstructionSettings withAddedNoise(NoiseColour colour, double level) {
		return new ReconstructionSettings(hammingTaper, denoised, denoiseCutoff, outputStd, lowPassShape, colour,
				level);
	}
}
