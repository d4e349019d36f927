package org.tomopick.sim;

/**
 * The physics of phase contrast: the relativistic electron wavelength and interaction constant at a given
 * voltage, and the contrast transfer function of a microscope with spherical aberration, amplitude contrast and a
 * given underfocus. Frequencies are in 1/A; angles in radians.
 *
 * <p>Convention: {@code T(k) = sqrt(1 - A^2) sin(chi) + A cos(chi)} with
 * {@code chi = pi lambda df k^2 - pi/2 Cs lambda^3 k^4} and df > 0 for underfocus, so {@code T > 0} at low
 * frequency; the image contrast of a phase object {@code phi} is {@code -2 T phi}: protein looks dark.
 */
public final class ContrastTransfer {

	/** Electron rest energy, eV. */
	private static final double REST_ENERGY_EV = 510998.95;
	/** h c in eV * A. */
	private static final double HC_EV_ANGSTROM = 12398.419843;

	private final double wavelength;
	private final double defocus;
	private final double cs;
	private final double amplitude;
	private final double phaseWeight;

	/**
	 * @param voltageKv          acceleration voltage, kV
	 * @param csMm               spherical aberration, mm
	 * @param amplitudeContrast  amplitude contrast fraction
	 * @param defocusAngstrom    underfocus, A (positive)
	 */
	public ContrastTransfer(double voltageKv, double csMm, double amplitudeContrast, double defocusAngstrom) {
		this.wavelength = wavelengthAngstrom(voltageKv);
		this.defocus = defocusAngstrom;
		this.cs = csMm * 1e7;
		this.amplitude = amplitudeContrast;
		this.phaseWeight = Math.sqrt(1 - amplitudeContrast * amplitudeContrast);
	}

	/** Relativistic de Broglie wavelength of electrons accelerated through the voltage, A. */
	public static double wavelengthAngstrom(double voltageKv) {
		double e = voltageKv * 1000;
		return HC_EV_ANGSTROM / Math.sqrt(e * (2 * REST_ENERGY_EV + e));
	}

	/** Interaction constant sigma, rad / (V A): phase shift per projected potential. */
	public static double interactionConstant(double voltageKv) {
		double e = voltageKv * 1000;
		return 2 * Math.PI / (wavelengthAngstrom(voltageKv) * e) * (REST_ENERGY_EV + e) / (2 * REST_ENERGY_EV + e);
	}

	/** The aberration phase chi at spatial frequency k (1/A). */
	public double chi(double k) {
		double k2 = k * k;
		return Math.PI * wavelength * defocus * k2 - 0.5 * Math.PI * cs * wavelength * wavelength * wavelength * k2 * k2;
	}

	/** The CTF T(k) (positive at low frequency). */
	public double value(double k) {
		double c = chi(k);
		return phaseWeight * Math.sin(c) + amplitude * Math.cos(c);
	}

	/** B-factor envelope exp(-B k^2 / 4) for B in A^2. */
	public static double envelope(double bFactor, double k) {
		return Math.exp(-0.25 * bFactor * k * k);
	}

	public double wavelength() {
		return wavelength;
	}

	public double defocusAngstrom() {
		return defocus;
	}
}
