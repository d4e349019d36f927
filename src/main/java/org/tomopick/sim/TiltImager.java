package org.tomopick.sim;

import org.tomopick.progress.Progress;
import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_2D;

/**
 * Turns the projected potential of each tilt into a recorded, CTF-corrected image. Per tilt: phase
 * {@code phi = sigma * projected potential}; the mean transmitted intensity falls with the ice path length
 * (inelastic scattering, {@code exp(-path / mfp)}); the image contrast is {@code -2 T(k) E(k) phi(k)} with the CTF
 * T of the tomogram's defocus and a B-factor envelope E that grows with the dose received before the tilt;
 * electrons are counted with Poisson-like gaussian noise for the tilt's dose; the image is normalised by its mean
 * (contrast around 0), phase-flipped with sign(T), and optionally low-passed ("denoised" output; an isotropic filter of the tilt
 * images is, by the central-slice theorem, the same isotropic filter of the reconstruction).
 */
final class TiltImager {

	private final SimulationSettings settings;
	private final TiltScheme scheme;
	private final ContrastTransfer ctf;
	private final int ny, nx;
	/** Squared spatial frequency (1/A^2) and CTF per pixel of the 2D spectrum. */
	private final float[] k2;
	private final float[] transfer;

	TiltImager(SimulationSettings settings, TiltScheme scheme, double defocusAngstrom) {
		this.settings = settings;
		this.scheme = scheme;
		MicroscopeSettings m = settings.microscope();
		this.ctf = new ContrastTransfer(m.voltageKv(), m.sphericalAberrationMm(), m.amplitudeContrast(),
				defocusAngstrom);
		this.ny = settings.sizeY();
		this.nx = settings.sizeX();
		double vs = settings.voxelSizeAngstrom();
		k2 = new float[ny * nx];
		transfer = new float[ny * nx];
		for (int r = 0; r < ny; r++) {
			double fy = (r <= ny / 2 ? r : r - ny) / (ny * vs);
			for (int c = 0; c < nx; c++) {
				double fx = (c <= nx / 2 ? c : c - nx) / (nx * vs);
				double kk = fx * fx + fy * fy;
				k2[r * nx + c] = (float) kk;
				transfer[r * nx + c] = (float) ctf.value(Math.sqrt(kk));
			}
		}
	}

	/** Replaces every projection (projected potential, V*A) by its corrected image, in place. */
	void image(float[][] stack, Progress progress) {
		FloatFFT_2D fft = new FloatFFT_2D(ny, nx);
		float[] spectrum = new float[2 * ny * nx];
		for (int t = 0; t < stack.length; t++) {
			BatchRunner.checkCancelled("imaging", progress);
			imageOne(stack[t], t, fft, spectrum);
			progress.report("imaging", (t + 1) / (double) stack.length);
		}
	}

	private void imageOne(float[] projection, int tilt, FloatFFT_2D fft, float[] spectrum) {
		MicroscopeSettings m = settings.microscope();
		int n = ny * nx;
		double sigma = ContrastTransfer.interactionConstant(m.voltageKv());
		double mean = 0;
		for (float v : projection)
			mean += v;
		mean /= n;
		double icePotential = settings.sample().icePotentialVolts();
		double path = icePotential > 0 ? mean / icePotential : 0;
		double transmitted = Math.exp(-path / m.inelasticMeanFreePathAngstrom());
		for (int i = 0; i < n; i++) {
			spectrum[2 * i] = (float) (sigma * (projection[i] - mean));
			spectrum[2 * i + 1] = 0;
		}
		fft.complexForward(spectrum);
		double b = m.bFactorBase() + m.bFactorPerDose() * scheme.priorDose(tilt);
		for (int i = 0; i < n; i++) {
			float w = (float) (-2 * transfer[i] * Math.exp(-0.25 * b * k2[i]));
			spectrum[2 * i] *= w;
			spectrum[2 * i + 1] *= w;
		}
		fft.complexInverse(spectrum, true);
		double electrons = scheme.dosePerTilt() * settings.voxelSizeAngstrom() * settings.voxelSizeAngstrom()
				* transmitted;
		SplittableRandom noise = SeedStreams.stream(settings.seed(), SeedStreams.Purpose.NOISE, tilt);
		boolean shot = m.shotNoise();
		double total = 0;
		for (int i = 0; i < n; i++) {
			double expected = electrons * Math.max(0, 1 + spectrum[2 * i]);
			double counts = shot ? expected + Math.sqrt(expected) * noise.nextGaussian() : expected;
			spectrum[2 * i] = (float) counts;
			total += counts;
		}
		double norm = total / n;
		for (int i = 0; i < n; i++) {
			spectrum[2 * i] = (float) (spectrum[2 * i] / norm - 1);
			spectrum[2 * i + 1] = 0;
		}
		fft.complexForward(spectrum);
		ReconstructionSettings r = settings.reconstruction();
		double nyquist = 0.5 / settings.voxelSizeAngstrom();
		double cutoff2 = Math.pow(r.denoiseCutoff() * nyquist, 2);
		for (int i = 0; i < n; i++) {
			float w = transfer[i] < 0 ? -1 : 1;
			if (r.denoised())
				w *= (float) r.lowPassShape().gain(k2[i], cutoff2);
			spectrum[2 * i] *= w;
			spectrum[2 * i + 1] *= w;
		}
		fft.complexInverse(spectrum, true);
		for (int i = 0; i < n; i++)
			projection[i] = spectrum[2 * i];
	}

	ContrastTransfer contrastTransfer() {
		return ctf;
	}
}
