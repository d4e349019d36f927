package org.tomopick.sim;

import org.jtransforms.fft.FloatFFT_3D;
import org.tomopick.progress.Progress;

/**
 * Adds 3D gaussian noise of a chosen colour to a reconstruction (domain randomisation: other reconstructions,
 * detectors and denoisers leave noise that is not the simulator's own). White noise is drawn per voxel; ramp and
 * pink (1/f) noise are drawn as a complex white spectrum times the radial amplitude response on a box padded to
 * FFT-friendly sizes, inverse-transformed once, of which the real part is kept (the real part of such a field is a
 * real gaussian field with that spectrum; the noise is stationary, so cropping the box keeps its spectrum). When the reconstruction is low-passed ("denoised"), the added noise
 * gets the same low-pass, as a denoiser would have removed it too. The noise is scaled so that its standard deviation
 * is the given level times the volume's own. Deterministic from the seed: one random stream per padded z slice.
 */
final class ColouredNoise {

	private ColouredNoise() {
	}

	/** Adds the noise that {@code r} asks for (nothing when its level is 0) to {@code volume} (z, y, x). */
	static void add(float[] volume, int[] shape, ReconstructionSettings r, long seed, Progress progress) {
		double level = r.addedNoiseLevel();
		if (!(level > 0))
			return;
		double std = std(volume, shape, shape, 1);
		if (!(std > 0))
			return;
		int nz = shape[0], ny = shape[1], nx = shape[2];
		boolean shaped = r.addedNoiseColour() != ReconstructionSettings.NoiseColour.WHITE || r.denoised();
		int[] box = shaped ? new int[] { fftSize(nz), fftSize(ny), fftSize(nx) } : shape;
		int bz = box[0], by = box[1], bx = box[2];
		// white: one real gaussian per voxel (stride 1); shaped: a complex spectrum (stride 2, real parts used)
		int stride = shaped ? 2 : 1;
		float[] noise = new float[stride * bz * by * bx];
		float[] filter = shaped ? radialFilter(r, Math.max(bz, Math.max(by, bx))) : null;
		BatchRunner.run("added noise", bz, 16, progress, z -> {
			java.util.SplittableRandom random = SeedStreams.stream(seed, SeedStreams.Purpose.ADDED_NOISE, z);
			if (!shaped) {
				for (int i = z * by * bx, end = i + by * bx; i < end; i++)
					noise[i] = (float) random.nextGaussian();
				return;
			}
			double fz = freq(z, bz);
			for (int y = 0; y < by; y++) {
				double fy = freq(y, by);
				for (int x = 0, i = 2 * (z * by + y) * bx; x < bx; x++, i += 2) {
					double fx = freq(x, bx);
					float h = filter[(int) Math.min(filter.length - 1,
							Math.round(Math.sqrt(fx * fx + fy * fy + fz * fz) * (filter.length - 1) / 0.9))];
					noise[i] = h * (float) random.nextGaussian();
					noise[i + 1] = h * (float) random.nextGaussian();
				}
			}
		});
		if (shaped)
			new FloatFFT_3D(bz, by, bx).complexInverse(noise, false);
		double noiseStd = std(noise, box, shape, stride);
		if (!(noiseStd > 0))
			return;
		float scale = (float) (level * std / noiseStd);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				int out = (z * ny + y) * nx, in = stride * ((z * by + y) * bx);
				for (int x = 0; x < nx; x++)
					volume[out + x] += scale * noise[in + stride * x];
			}
	}

	/** Amplitude response at frequencies 0..0.9 cycles/voxel (past the corner of the Nyquist cube, sqrt(3)/2). */
	static float[] radialFilter(ReconstructionSettings r, int largestSize) {
		int n = 4 * largestSize;
		float[] h = new float[n];
		double lowest = 1.0 / largestSize;
		double cutoff2 = Math.pow(0.5 * r.denoiseCutoff(), 2);
		for (int i = 1; i < n; i++) {
			double f = 0.9 * i / (n - 1);
			double a = switch (r.addedNoiseColour()) {
			case WHITE -> 1;
			case RAMP -> f;
			case PINK -> 1 / Math.max(f, lowest);
			};
			if (r.denoised())
				a *= r.lowPassShape().gain(f * f, cutoff2);
			h[i] = (float) a;
		}
		return h; // h[0] = 0: no mean offset
	}

	/**
	 * Standard deviation over the region {@code region} (z, y, x) at the start of a volume of shape {@code box} whose
	 * values are every {@code stride}-th float.
	 */
	private static double std(float[] v, int[] box, int[] region, int stride) {
		double sum = 0, sum2 = 0;
		for (int z = 0; z < region[0]; z++)
			for (int y = 0; y < region[1]; y++) {
				int row = stride * ((z * box[1] + y) * box[2]);
				for (int x = 0; x < region[2]; x++) {
					double a = v[row + stride * x];
					sum += a;
					sum2 += a * a;
				}
			}
		double n = (double) region[0] * region[1] * region[2];
		double mean = sum / n;
		return Math.sqrt(Math.max(0, sum2 / n - mean * mean));
	}

	/** Frequency (cycles/voxel) of FFT bin i of n. */
	private static double freq(int i, int n) {
		return (i <= n / 2 ? i : i - n) / (double) n;
	}

	/** Smallest even size >= n whose only prime factors are 2, 3 and 5 (fast mixed-radix FFTs). */
	static int fftSize(int n) {
		for (int m = Math.max(2, n + (n & 1));; m += 2) {
			int k = m;
			for (int p : new int[] { 2, 3, 5 })
				while (k % p == 0)
					k /= p;
			if (k == 1)
				return m;
		}
	}
}
