package org.tomopick.sim;

/**
 * How the tilt series becomes a tomogram: weighted back-projection with a ramp filter, optionally tapered by a
 * Hamming window; an optional isotropic low-pass ("denoised" output, gain 1/2 at {@code denoiseCutoff} times
 * Nyquist); and the output scale, the standard deviation of the written tomogram (real CZII tomograms are ~1e-4).
 *
 * @param hammingTaper  taper the ramp filter with a Hamming window (default true)
 * @param denoised      low-pass the output (default false)
 * @param denoiseCutoff cutoff of the low-pass as a fraction of Nyquist (default 0.35)
 * @param outputStd     standard deviation of the output tomogram (default 1e-4)
 */
public record ReconstructionSettings(boolean hammingTaper, boolean denoised, double denoiseCutoff, double outputStd) {

	public static ReconstructionSettings defaults() {
		return new ReconstructionSettings(true, false, 0.35, 1e-4);
	}

	public ReconstructionSettings validate() {
		SimulationSettings.require(denoiseCutoff > 0 && denoiseCutoff <= 1, "reconstruction.denoiseCutoff",
				"must be in (0, 1]", denoiseCutoff);
		SimulationSettings.require(outputStd > 0 && Double.isFinite(outputStd), "reconstruction.outputStd",
				"must be > 0", outputStd);
		return this;
	}

	public ReconstructionSettings withDenoised(boolean lowPass) {
		return new ReconstructionSettings(hammingTaper, lowPass, denoiseCutoff, outputStd);
	}
}
