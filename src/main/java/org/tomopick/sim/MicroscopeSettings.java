package org.tomopick.sim;

/**
 * The microscope and detector: acceleration voltage, spherical aberration, amplitude contrast, the defocus range
 * (one underfocus value per tomogram is drawn uniformly from it), a B-factor envelope that grows with the dose
 * accumulated before each tilt (radiation damage), the inelastic mean free path of ice (thicker ice at high tilt
 * lets fewer electrons through, so those tilts are noisier) and whether shot noise is added.
 *
 * @param voltageKv                      acceleration voltage, kV (default 300)
 * @param sphericalAberrationMm          Cs, mm (default 2.7)
 * @param amplitudeContrast              fraction of amplitude contrast (default 0.07)
 * @param defocusMinMicrometres          smallest underfocus, um (default 2)
 * @param defocusMaxMicrometres          largest underfocus, um (default 5)
 * @param bFactorBase                    envelope B-factor of the first tilt, A^2 (default 50)
 * @param bFactorPerDose                 B-factor added per e-/A^2 of accumulated dose, A^2 (default 20)
 * @param inelasticMeanFreePathAngstrom  inelastic mean free path in ice, A (default 3500)
 * @param shotNoise                      add dose-dependent shot noise (default true)
 */
public record MicroscopeSettings(double voltageKv, double sphericalAberrationMm, double amplitudeContrast,
		double defocusMinMicrometres, double defocusMaxMicrometres, double bFactorBase, double bFactorPerDose,
		double inelasticMeanFreePathAngstrom, boolean shotNoise) {

	public static MicroscopeSettings defaults() {
		return new MicroscopeSettings(300, 2.7, 0.07, 2, 5, 50, 20, 3500, true);
	}

	public MicroscopeSettings validate() {
		SimulationSettings.require(voltageKv > 0 && voltageKv <= 3000, "microscope.voltageKv", "must be in (0, 3000]",
				voltageKv);
		SimulationSettings.require(sphericalAberrationMm >= 0 && sphericalAberrationMm < 100,
				"microscope.sphericalAberrationMm", "must be in [0, 100)", sphericalAberrationMm);
		SimulationSettings.require(amplitudeContrast >= 0 && amplitudeContrast < 1, "microscope.amplitudeContrast",
				"must be in [0, 1)", amplitudeContrast);
		SimulationSettings.require(defocusMinMicrometres >= 0 && defocusMinMicrometres < 100,
				"microscope.defocusMinMicrometres", "must be in [0, 100)", defocusMinMicrometres);
		SimulationSettings.require(defocusMaxMicrometres >= defocusMinMicrometres && defocusMaxMicrometres < 100,
				"microscope.defocusMaxMicrometres", "must be >= defocusMinMicrometres and < 100", defocusMaxMicrometres);
		SimulationSettings.require(bFactorBase >= 0 && Double.isFinite(bFactorBase), "microscope.bFactorBase",
				"must be >= 0", bFactorBase);
		SimulationSettings.require(bFactorPerDose >= 0 && Double.isFinite(bFactorPerDose), "microscope.bFactorPerDose",
				"must be >= 0", bFactorPerDose);
		SimulationSettings.require(inelasticMeanFreePathAngstrom > 0, "microscope.inelasticMeanFreePathAngstrom",
				"must be > 0", inelasticMeanFreePathAngstrom);
		return this;
	}

	public MicroscopeSettings withShotNoise(boolean noise) {
		return new MicroscopeSettings(voltageKv, sphericalAberrationMm, amplitudeContrast, defocusMinMicrometres,
				defocusMaxMicrometres, bFactorBase, bFactorPerDose, inelasticMeanFreePathAngstrom, noise);
	}

	public MicroscopeSettings withDefocusRange(double minMicrometres, double maxMicrometres) {
		return new MicroscopeSettings(voltageKv, sphericalAberrationMm, amplitudeContrast, minMicrometres,
				maxMicrometres, bFactorBase, bFactorPerDose, inelasticMeanFreePathAngstrom, shotNoise);
	}
}
