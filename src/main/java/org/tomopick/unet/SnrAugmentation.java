package org.tomopick.unet;

import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_3D;
import org.tomopick.grid.SpectralWhitening;

/**
 * Lowers the signal-to-noise ratio of a training crop of the working grid, as a lower dose, a stronger CTF envelope
 * or a denoiser's low-pass would, while its noise keeps the grid's statistics: every Fourier coefficient is scaled by
 * a gain G(f) = a exp(-f^2 / 2s^2) (a log-uniform in [{@value #MIN_GAIN}, 1]; in half the crops no low-pass, s
 * infinite, else s uniform in [{@value #MIN_SIGMA}, {@value #MAX_SIGMA}] cycles per voxel) and fresh noise with the
 * spectrum of the grid's own (white after whitening, then its fixed band-pass, {@link SpectralWhitening#bandPass}) is
 * added with the gain sqrt(1 - G^2). The grid is a robust z-score, mostly noise of unit spread, so the noise's
 * spectrum and spread are what they were while the particles fade, more at fine detail than coarse when s is finite.
 * Applied to a crop with probability {@code probability}; labels are untouched (a particle that fades into the noise
 * is still there, as in a low-dose tomogram).
 */
final class SnrAugmentation {

	static final double MIN_GAIN = 0.3;
	static final double MIN_SIGMA = 0.1;
	static final double MAX_SIGMA = 0.35;

	private final double probability;
	private final int n;
	/** Per Fourier coefficient of a crop: its radial frequency (cycles per voxel) and the grid's band-pass there. */
	private final double[] frequency, bandPass;
	/** One over the spread of white noise of unit spread after the band-pass: makes the added noise's spread 1. */
	private final double norm;

	/**
	 * {@code probability} of changing a crop (0: never), crops of side {@code n} on a working grid of
	 * {@code voxelAngstrom}.
	 */
	SnrAugmentation(double probability, double voxelAngstrom, int n) {
		if (!(probability >= 0 && probability <= 1))
			throw new IllegalArgumentException("SNR augmentation probability must be in [0, 1], was " + probability);
		this.probability = probability;
		this.n = n;
		int cube = probability > 0 ? n * n * n : 0;
		frequency = new double[cube];
		bandPass = new double[cube];
		double power = 0;
		if (cube > 0) {
			SpectralWhitening.forEachFrequency(new int[] { n, n, n }, (i, f) -> {
				frequency[i] = f;
				bandPass[i] = SpectralWhitening.bandPass(f, voxelAngstrom);
			});
			for (double b : bandPass)
				power += b * b;
		}
		norm = cube > 0 ? 1 / Math.sqrt(power / cube) : 0;
	}

	/** Changes the crop (a cube of side n) at {@code offset} of {@code image} in place, or leaves it. */
	void apply(float[] image, int offset, SplittableRandom random) {
		if (probability == 0 || random.nextDouble() >= probability)
			return;
		double a = Math.exp(Math.log(MIN_GAIN) + random.nextDouble() * -Math.log(MIN_GAIN));
		double s = random.nextBoolean() ? Double.POSITIVE_INFINITY
				: MIN_SIGMA + random.nextDouble() * (MAX_SIGMA - MIN_SIGMA);
		int cube = n * n * n;
		float[] signal = new float[2 * cube];
		System.arraycopy(image, offset, signal, 0, cube);
		float[] noise = new float[2 * cube];
		for (int i = 0; i < cube; i++)
			noise[i] = (float) nextGaussian(random);
		FloatFFT_3D fft = new FloatFFT_3D(n, n, n);
		fft.realForwardFull(signal);
		fft.realForwardFull(noise);
		for (int i = 0; i < cube; i++) {
			double f = frequency[i];
			double g = Double.isInfinite(s) ? a : a * Math.exp(-0.5 * (f / s) * (f / s));
			double h = Math.sqrt(1 - g * g) * bandPass[i] * norm;
			signal[2 * i] = (float) (g * signal[2 * i] + h * noise[2 * i]);
			signal[2 * i + 1] = (float) (g * signal[2 * i + 1] + h * noise[2 * i + 1]);
		}
		fft.complexInverse(signal, true);
		for (int i = 0; i < cube; i++)
			image[offset + i] = signal[2 * i];
	}

	/** A standard normal draw (Box-Muller; SplittableRandom has none). */
	private static double nextGaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble(), v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
